package org.encaisse.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.encaisse.audit.CaseTimeline;
import org.encaisse.collection.PromiseBook;
import org.encaisse.communication.CommunicatedInvoice;
import org.encaisse.communication.Communication;
import org.encaisse.communication.CommunicationLog;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.dispute.DisputeDesk;
import org.encaisse.dispute.DisputeView;
import org.encaisse.insurance.ClaimFacts;
import org.encaisse.insurance.InsuranceClaims;
import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.invoice.InvoiceStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a customer's case file together: what an agency needs under its mandate (R124-4: basis and
 * itemised amount of the claim, the debtor's contacts, every letter, every objection raised and
 * every promise made), and what a court file or an auditor's archive needs, with the timeline.
 */
@Service
public class CaseFiles {

    private final AgencyHandoffs handoffs;
    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final CommunicationLog communications;
    private final DisputeDesk disputes;
    private final PromiseBook promises;
    private final CaseTimeline timeline;
    private final Clock clock;
    private final InsuranceClaims claims;

    CaseFiles(AgencyHandoffs handoffs, CustomerDirectory customers, InvoiceLedger ledger,
              CommunicationLog communications, DisputeDesk disputes, PromiseBook promises, CaseTimeline timeline,
              Clock clock, InsuranceClaims claims) {
        this.claims = claims;
        this.handoffs = handoffs;
        this.customers = customers;
        this.ledger = ledger;
        this.communications = communications;
        this.disputes = disputes;
        this.promises = promises;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The file handed to the agency for a collection case: the invoices that case chased. */
    @Transactional(readOnly = true)
    public CaseFile ofHandoff(String caseId) {
        AgencyHandoff handoff = handoffs.findByCaseId(caseId)
                .orElseThrow(() -> new NotFoundException("No agency handoff for case '" + caseId + "'."));
        Customer customer = customers.get(handoff.getCustomerId());
        List<Communication> sent = communications.ofCustomer(customer.getId());
        Set<Long> chasedByCase = sent.stream()
                .filter(c -> caseId.equals(c.getCaseId()))
                .flatMap(c -> c.getInvoices().stream().map(CommunicatedInvoice::invoiceId))
                .collect(Collectors.toSet());
        return assemble(customer, sent, Optional.of(handoff),
                invoice -> invoice.getStatus() == InvoiceStatus.AT_AGENCY || chasedByCase.contains(invoice.getId()), null);
    }

    /** A customer's whole file, whether or not it ever reached the agency: every invoice, letter and event. */
    @Transactional(readOnly = true)
    public CaseFile ofCustomer(String externalId) {
        Customer customer = customers.get(externalId);
        return assemble(customer, communications.ofCustomer(customer.getId()), Optional.empty(), invoice -> true, null);
    }

    /** The customer's whole file with the policy's fields, for a claim to its credit insurer. */
    @Transactional(readOnly = true)
    public CaseFile ofInsuranceClaim(String externalId) {
        Customer customer = customers.get(externalId);
        ClaimFacts claim = claims.of(externalId).orElseThrow(() ->
                new NotFoundException("Customer '" + externalId + "' has no credit insurance cover."));
        return assemble(customer, communications.ofCustomer(customer.getId()), Optional.empty(), invoice -> true, claim);
    }

    private CaseFile assemble(Customer customer, List<Communication> sent, Optional<AgencyHandoff> handoff,
                              Predicate<Invoice> inFile, ClaimFacts claim) {
        List<Invoice> ledgerOfCustomer = ledger.ofCustomer(customer.getId());
        List<CaseFile.Contact> contacts = customer.getContacts().stream()
                .map(c -> new CaseFile.Contact(c.getRole().name(), c.getName(), c.getEmail(), c.getPhone())).toList();
        List<CaseFile.Invoice> invoices = ledgerOfCustomer.stream().filter(inFile)
                .map(i -> new CaseFile.Invoice(i.getNumber(), i.getIssueDate(), i.getDueDate(), i.getAmount(),
                        i.getOutstandingAmount(), i.getCurrency(), i.getStatus().name()))
                .toList();
        List<CaseFile.Letter> letters = sent.stream()
                .map(c -> new CaseFile.Letter(c.getId(), c.getCreatedAt(), c.getStep().name(), c.getLevel(),
                        c.getChannel().name(), c.getRecipientName(), c.getTotalOutstanding(),
                        c.getInvoices().stream().map(CommunicatedInvoice::invoiceNumber).toList(), c.getStatus().name(),
                        c.getSentAt(), c.documentPath()))
                .toList();
        Map<Long, String> numbers = ledgerOfCustomer.stream().collect(Collectors.toMap(Invoice::getId, Invoice::getNumber));
        List<DisputeView> raised = disputes.ofInvoices(numbers.keySet(), numbers);
        List<CaseFile.Promise> promised = promises.ofCustomer(customer.getId()).stream()
                .map(p -> new CaseFile.Promise(p.getPromisedDate(), p.getAmount(), p.getCurrency(), p.getStatus().name(),
                        p.getRecordedBy(), p.getRecordedAt()))
                .toList();
        Set<String> businessKeys = new LinkedHashSet<>();
        businessKeys.add(customer.getExternalId());
        businessKeys.addAll(numbers.values());
        AgencyHandoff h = handoff.orElse(null);
        return new CaseFile(Instant.now(clock), h == null ? null : h.getCaseId(), customer.getExternalId(),
                customer.getName(), customer.getCompanyId(), contacts,
                h == null ? null : h.getAmount(), h == null ? null : h.getCurrency(),
                h == null ? null : h.getHandedOverAt(), h == null ? null : h.getApprovedBy(),
                h == null ? null : h.getCollector(),
                h == null ? null : h.getAgencyReference(), h == null ? null : h.getRecoveredAmount(),
                h == null ? null : h.getStatus().name(), invoices, letters, raised, promised,
                timeline.of(customer.getId(), customer.getExternalId(), businessKeys), claim);
    }
}
