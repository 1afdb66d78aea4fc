package org.encaisse.agency;

import java.util.List;
import java.util.Optional;

import org.encaisse.communication.CommunicatedInvoice;
import org.encaisse.communication.Communication;
import org.encaisse.communication.CommunicationLog;
import org.encaisse.communication.CommunicationStep;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceStatus;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands a case to the collection agency once the manager approved: the chased invoices turn
 * AT_AGENCY (the path stops chasing them), the customer's handoff notice is recorded, and the
 * handoff itself, once per case.
 */
@Service
public class AgencyDesk {

    private final org.encaisse.audit.CaseTimeline timeline;

    private final org.encaisse.audit.AuditTrail audit;

    private final AgencyHandoffs handoffs;
    private final InvoiceLedger ledger;
    private final CommunicationLog communications;
    private final CustomerDirectory customers;
    private final org.encaisse.dispute.DisputeDesk disputes;
    private final org.encaisse.collection.PromiseBook promises;

    AgencyDesk(AgencyHandoffs handoffs, InvoiceLedger ledger, CommunicationLog communications,
               CustomerDirectory customers, org.encaisse.dispute.DisputeDesk disputes,
               org.encaisse.collection.PromiseBook promises, org.encaisse.audit.AuditTrail audit, org.encaisse.audit.CaseTimeline timeline) {
        this.timeline = timeline;
        this.audit = audit;
        this.handoffs = handoffs;
        this.ledger = ledger;
        this.communications = communications;
        this.customers = customers;
        this.disputes = disputes;
        this.promises = promises;
    }

    @Transactional
    public void recordReference(String caseId, String reference) {
        find(caseId).recordReference(reference);
    }

    @Transactional
    public void recordResult(String caseId, java.math.BigDecimal recovered) {
        find(caseId).close(recovered);
    }

    /**
     * What the agency needs under its mandate (R124-4: basis and itemised amount of the claim): the
     * debtor and its contacts, each invoice handed over, every letter sent, every objection the
     * debtor raised and every promise it made.
     */
    @Transactional(readOnly = true)
    public CaseFile caseFile(String caseId) {
        AgencyHandoff handoff = find(caseId);
        Customer customer = customers.get(handoff.getCustomerId());
        List<Invoice> ledgerOfCustomer = ledger.ofCustomer(customer.getId());
        List<Communication> sent = communications.ofCustomer(customer.getId());
        // The invoices this case chased: those its letters listed, and those still at the agency.
        java.util.Set<Long> chasedByCase = sent.stream()
                .filter(c -> caseId.equals(c.getCaseId()))
                .flatMap(c -> c.getInvoices().stream().map(CommunicatedInvoice::invoiceId))
                .collect(java.util.stream.Collectors.toSet());
        List<CaseFile.Contact> contacts = customer.getContacts().stream()
                .map(c -> new CaseFile.Contact(c.getRole().name(), c.getName(), c.getEmail(), c.getPhone())).toList();
        List<CaseFile.Invoice> invoices = ledgerOfCustomer.stream()
                .filter(invoice -> invoice.getStatus() == InvoiceStatus.AT_AGENCY || chasedByCase.contains(invoice.getId()))
                .map(i -> new CaseFile.Invoice(i.getNumber(), i.getIssueDate(), i.getDueDate(), i.getAmount(),
                        i.getOutstandingAmount(), i.getCurrency(), i.getStatus().name()))
                .toList();
        List<CaseFile.Letter> letters = sent.stream()
                .map(c -> new CaseFile.Letter(c.getCreatedAt(), c.getStep().name(), c.getLevel(), c.getChannel().name(),
                        c.getRecipientName(), c.getTotalOutstanding(),
                        c.getInvoices().stream().map(CommunicatedInvoice::invoiceNumber).toList(), c.getStatus().name(),
                        c.getSentAt(), c.documentPath()))
                .toList();
        java.util.Map<Long, String> numbers = ledgerOfCustomer.stream()
                .collect(java.util.stream.Collectors.toMap(Invoice::getId, Invoice::getNumber));
        List<org.encaisse.dispute.DisputeView> raised = disputes.ofInvoices(numbers.keySet(), numbers);
        List<CaseFile.Promise> promised = promises.ofCustomer(customer.getId()).stream()
                .map(p -> new CaseFile.Promise(p.getPromisedDate(), p.getAmount(), p.getCurrency(), p.getStatus().name(),
                        p.getRecordedBy(), p.getRecordedAt()))
                .toList();
        return new CaseFile(caseId, customer.getExternalId(), customer.getName(), customer.getCompanyId(), contacts,
                handoff.getAmount(), handoff.getCurrency(), handoff.getHandedOverAt(), handoff.getApprovedBy(),
                handoff.getAgencyReference(), handoff.getRecoveredAmount(), handoff.getStatus().name(), invoices, letters,
                raised, promised, timeline.of(customer.getId(), customer.getExternalId(), keysOf(customer, numbers)));
    }

    private static java.util.Set<String> keysOf(Customer customer, java.util.Map<Long, String> invoiceNumbers) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        keys.add(customer.getExternalId());
        keys.addAll(invoiceNumbers.values());
        return keys;
    }

    private AgencyHandoff find(String caseId) {
        return handoffs.findByCaseId(caseId)
                .orElseThrow(() -> new NotFoundException("No agency handoff for case '" + caseId + "'."));
    }

    @Transactional
    public Optional<AgencyHandoff> handOver(Long customerId, String caseId, String approvedBy, java.time.LocalDate asOf) {
        Optional<AgencyHandoff> earlier = handoffs.findByCaseId(caseId);
        if (earlier.isPresent()) {
            return earlier;
        }
        Optional<Communication> notice = communications.record(caseId + "/agency-handoff", caseId, customerId,
                CommunicationStep.AGENCY_HANDOFF_NOTICE);
        if (notice.isEmpty()) {
            return Optional.empty();
        }
        List<Invoice> chased = ledger.overdue(customerId, asOf);
        chased.forEach(ledger::handOverToAgency);
        audit.append(approvedBy == null ? "rule:agency handoff" : approvedBy, "HANDED_TO_AGENCY", customerId,
                "case " + caseId, chased.stream().map(Invoice::getNumber).toList(),
                notice.get().getTotalOutstanding() + " " + notice.get().getCurrency() + " handed over");
        return Optional.of(handoffs.save(new AgencyHandoff(customerId, caseId, notice.get().getTotalOutstanding(),
                notice.get().getCurrency(), approvedBy)));
    }
}
