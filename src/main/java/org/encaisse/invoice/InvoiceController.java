package org.encaisse.invoice;

import java.util.List;

import org.encaisse.input.ImportSummary;
import org.encaisse.input.Positioned;
import org.encaisse.input.SavedMappings;
import org.encaisse.input.Upload;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class InvoiceController {

    private final InvoiceImport invoiceImport;
    private final DebtAcknowledgments acknowledgments;
    private final SavedMappings mappings;

    InvoiceController(InvoiceImport invoiceImport, DebtAcknowledgments acknowledgments, SavedMappings mappings) {
        this.invoiceImport = invoiceImport;
        this.acknowledgments = acknowledgments;
        this.mappings = mappings;
    }

    /** The debtor acknowledged the debt in writing: the invoice's limitation clock restarts from that day. */
    @PostMapping(path = "/api/invoices/{number}/acknowledgments", consumes = MediaType.APPLICATION_JSON_VALUE)
    DebtAcknowledgments.Result acknowledge(@PathVariable String number, @RequestBody DebtAcknowledgments.Request request) {
        return acknowledgments.record(number, request);
    }

    @PostMapping(path = "/api/invoices", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportSummary upsert(@RequestBody List<InvoiceRecord> invoices) {
        return invoiceImport.importRecords(Positioned.items(invoices), "the invoices sent");
    }

    @PostMapping(path = "/api/imports/invoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportSummary importCsv(@RequestPart("file") MultipartFile file,
                            @RequestParam(name = "mapping", required = false) String mapping,
                            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) {
        Upload upload = Upload.of(file, "invoices.csv");
        return invoiceImport.importCsv(upload.name(), upload.content(), mappings.columns(invoiceImport.kind(), mapping), dryRun);
    }
}
