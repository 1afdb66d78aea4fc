package org.encaisse.input;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Saved column mappings: {@code PUT /api/imports/mappings/invoices/sage} with {"number": "Pièce", ...}. */
@RestController
class ImportMappingController {

    private final SavedMappings mappings;

    ImportMappingController(SavedMappings mappings) {
        this.mappings = mappings;
    }

    @PutMapping(path = "/api/imports/mappings/{kind}/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SavedMappings.Saved save(@PathVariable String kind, @PathVariable String name,
                             @RequestBody Map<String, String> columns, java.security.Principal user) {
        return mappings.save(kind, name, columns, user.getName());
    }

    @GetMapping("/api/imports/mappings")
    List<SavedMappings.Saved> all() {
        return mappings.all();
    }
}
