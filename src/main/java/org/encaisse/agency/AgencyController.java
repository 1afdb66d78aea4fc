package org.encaisse.agency;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Case files as JSON and as one PDF with the letters attached, per agency handoff and per customer. */
@RestController
class AgencyController {

    private final CaseFiles caseFiles;
    private final CaseFileDocument document;

    AgencyController(CaseFiles caseFiles, CaseFileDocument document) {
        this.caseFiles = caseFiles;
        this.document = document;
    }

    /** {@code caseId} is the collection case's process instance id, as Cockpit shows it. */
    @GetMapping("/api/agency-handoffs/{caseId}/case-file")
    CaseFile handoffFile(@PathVariable String caseId) {
        return caseFiles.ofHandoff(caseId);
    }

    /** The same file as the agency's mandate receives it. */
    @GetMapping("/api/agency-handoffs/{caseId}/case-file.pdf")
    ResponseEntity<byte[]> handoffFilePdf(@PathVariable String caseId) {
        return asPdf(caseFiles.ofHandoff(caseId));
    }

    /** Any customer's file, handed over or not: for an auditor's archive or a court claim. */
    @GetMapping("/api/customers/{externalId}/case-file")
    CaseFile customerFile(@PathVariable String externalId) {
        return caseFiles.ofCustomer(externalId);
    }

    @GetMapping("/api/customers/{externalId}/case-file.pdf")
    ResponseEntity<byte[]> customerFilePdf(@PathVariable String externalId) {
        return asPdf(caseFiles.ofCustomer(externalId));
    }

    /** The customer's file with its credit insurance cover and declaration: what a claim to the insurer joins. */
    @GetMapping("/api/customers/{externalId}/insurance-claim-file")
    CaseFile claimFile(@PathVariable String externalId) {
        return caseFiles.ofInsuranceClaim(externalId);
    }

    @GetMapping("/api/customers/{externalId}/insurance-claim-file.pdf")
    ResponseEntity<byte[]> claimFilePdf(@PathVariable String externalId) {
        return asPdf(caseFiles.ofInsuranceClaim(externalId));
    }

    private ResponseEntity<byte[]> asPdf(CaseFile file) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("dossier-" + file.customerExternalId() + ".pdf").build().toString())
                .body(document.render(file));
    }
}
