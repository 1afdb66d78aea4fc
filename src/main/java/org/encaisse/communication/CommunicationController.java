package org.encaisse.communication;

import java.util.List;

import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommunicationController {

    private final CommunicationLog log;
    private final CommunicationArchive archive;
    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;

    CommunicationController(CommunicationLog log, CommunicationArchive archive, CustomerDirectory customers,
                            InvoiceLedger ledger) {
        this.log = log;
        this.archive = archive;
        this.customers = customers;
        this.ledger = ledger;
    }

    /** Oldest first: the order in which the customer received them. */
    @GetMapping("/api/customers/{externalId}/communications")
    List<CommunicationView> ofCustomer(@PathVariable String externalId) {
        return log.ofCustomer(customers.get(externalId).getId()).stream().map(CommunicationView::of).toList();
    }

    /** Every letter that listed the invoice, oldest first. */
    @GetMapping("/api/invoices/{number}/communications")
    List<CommunicationView> ofInvoice(@PathVariable String number) {
        return log.ofInvoice(ledger.get(number).getId()).stream().map(CommunicationView::of).toList();
    }

    /**
     * The document exactly as it went out (a registered letter's PDF, an email's HTML body); its
     * SHA-256 in a header for the case file. HTML is served sandboxed: a page of this origin that runs nothing.
     */
    @GetMapping("/api/communications/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable Long id) {
        CommunicationDocument document = archive.document(id)
                .orElseThrow(() -> new NotFoundException("Communication " + id + " has no document: it does not exist, "
                        + "or it was not sent (yet)."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(document.getFileName()).build().toString())
                .header("X-Content-SHA256", document.getSha256())
                .body(document.getContent());
    }
}
