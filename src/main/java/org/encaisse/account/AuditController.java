package org.encaisse.account;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.encaisse.audit.AuditChainCheck;
import org.encaisse.audit.CaseTimeline;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What auditors read: a customer's or an invoice's timeline, and whether the audit chain holds. */
@RestController
class AuditController {

    private final CaseTimeline timeline;
    private final AuditChainCheck chain;
    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;

    AuditController(CaseTimeline timeline, AuditChainCheck chain, CustomerDirectory customers, InvoiceLedger ledger) {
        this.timeline = timeline;
        this.chain = chain;
        this.customers = customers;
        this.ledger = ledger;
    }

    @GetMapping("/api/customers/{externalId}/timeline")
    List<CaseTimeline.Event> ofCustomer(@PathVariable String externalId) {
        Customer customer = customers.get(externalId);
        return timeline.of(customer.getId(), externalId, keysOf(customer));
    }

    @GetMapping("/api/invoices/{number}/timeline")
    List<CaseTimeline.Event> ofInvoice(@PathVariable String number) {
        Invoice invoice = ledger.get(number);
        Customer customer = customers.get(invoice.getCustomerId());
        return timeline.ofInvoice(timeline.of(customer.getId(), customer.getExternalId(), keysOf(customer)), number);
    }

    /** Walks the whole chain; {@code intact} false names the first entry that does not hold, and why. */
    @GetMapping("/api/audit/verification")
    AuditChainCheck.Verdict verify() {
        return chain.verify();
    }

    private Set<String> keysOf(Customer customer) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(customer.getExternalId());
        ledger.ofCustomer(customer.getId()).forEach(invoice -> keys.add(invoice.getNumber()));
        return keys;
    }
}
