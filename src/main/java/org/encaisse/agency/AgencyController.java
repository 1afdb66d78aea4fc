package org.encaisse.agency;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AgencyController {

    private final AgencyDesk desk;
    private final org.encaisse.letter.LetterTemplates templates;
    private final org.encaisse.letter.PdfDocuments pdf;

    AgencyController(AgencyDesk desk, org.encaisse.letter.LetterTemplates templates, org.encaisse.letter.PdfDocuments pdf) {
        this.templates = templates;
        this.pdf = pdf;
        this.desk = desk;
    }

    /** {@code caseId} is the collection case's process instance id, as Cockpit shows it. */
    @GetMapping("/api/agency-handoffs/{caseId}/case-file")
    CaseFile caseFile(@PathVariable String caseId) {
        return desk.caseFile(caseId);
    }

    /** The same file as a PDF (French), for the agency's mandate or an auditor's archive. */
    @GetMapping("/api/agency-handoffs/{caseId}/case-file.pdf")
    org.springframework.http.ResponseEntity<byte[]> caseFilePdf(@org.springframework.web.bind.annotation.PathVariable String caseId) {
        CaseFile file = desk.caseFile(caseId);
        byte[] document = pdf.render(templates.document("case-file", java.util.Map.of("file", file),
                java.util.Locale.FRANCE));
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .inline().filename("dossier-" + file.customerExternalId() + ".pdf").build().toString())
                .body(document);
    }
}
