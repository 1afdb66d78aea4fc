package org.encaisse.agency;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AgencyController {

    private final AgencyDesk desk;

    AgencyController(AgencyDesk desk) {
        this.desk = desk;
    }

    /** {@code caseId} is the collection case's process instance id, as Cockpit shows it. */
    @GetMapping("/api/agency-handoffs/{caseId}/case-file")
    CaseFile caseFile(@PathVariable String caseId) {
        return desk.caseFile(caseId);
    }
}
