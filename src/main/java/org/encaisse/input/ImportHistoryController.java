package org.encaisse.input;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/imports/history}: the files imported, latest first. */
@RestController
class ImportHistoryController {

    private final ImportHistory history;

    ImportHistoryController(ImportHistory history) {
        this.history = history;
    }

    @GetMapping("/api/imports/history")
    List<ImportHistory.Run> latest(@RequestParam(name = "limit", defaultValue = "50") int limit) {
        return history.latest(limit);
    }
}
