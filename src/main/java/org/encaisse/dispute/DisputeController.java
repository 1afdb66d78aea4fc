package org.encaisse.dispute;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DisputeController {

    private final DisputeDesk desk;

    private final org.encaisse.customer.CustomerDirectory customers;

    private final DisputeEvidence evidence;

    DisputeController(DisputeDesk desk, org.encaisse.customer.CustomerDirectory customers, DisputeEvidence evidence) {
        this.evidence = evidence;
        this.customers = customers;
        this.desk = desk;
    }

    @PostMapping(path = "/api/disputes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DisputeView open(@RequestBody DisputeRequest request, Principal user) {
        return desk.open(request, user.getName());
    }

    @GetMapping("/api/customers/{externalId}/disputes")
    java.util.List<DisputeView> ofCustomer(@PathVariable String externalId) {
        return desk.ofCustomer(customers.get(externalId).getId());
    }

    @GetMapping("/api/disputes/{id}")
    DisputeView get(@PathVariable Long id) {
        return desk.view(id);
    }

    /** What the customer joined to the dispute: name, type, size, checksum, who and when. */
    @GetMapping("/api/disputes/{id}/attachments")
    java.util.List<DisputeAttachment> attachments(@PathVariable Long id) {
        desk.view(id);
        return evidence.of(id);
    }

    @GetMapping("/api/disputes/{id}/attachments/{attachmentId}")
    org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable Long id, @PathVariable Long attachmentId) {
        DisputeEvidence.Document document = evidence.document(id, attachmentId);
        // Served as a download, never shown inline: a customer's file is not a page of ours.
        return org.springframework.http.ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(document.fileName(),
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }
}
