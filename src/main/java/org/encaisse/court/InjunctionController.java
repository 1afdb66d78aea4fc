package org.encaisse.court;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's injunction to pay: where it stands, and the request as prepared for the registry. */
@RestController
class InjunctionController {

    private final InjunctionDesk desk;

    InjunctionController(InjunctionDesk desk) {
        this.desk = desk;
    }

    /** {@code caseId} is the collection case's process instance id, as Cockpit shows it. */
    @GetMapping("/api/injunctions/{caseId}")
    InjunctionView injunction(@PathVariable String caseId) {
        return desk.view(caseId);
    }

    /** The request and its annexes as prepared, byte for byte: its SHA-256 is in the audit trail's view above. */
    @GetMapping("/api/injunctions/{caseId}/request.pdf")
    ResponseEntity<byte[]> request(@PathVariable String caseId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("requete-injonction-" + caseId + ".pdf").build().toString())
                .body(desk.document(caseId));
    }
}
