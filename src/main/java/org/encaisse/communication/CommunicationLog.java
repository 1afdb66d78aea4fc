package org.encaisse.communication;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.encaisse.customer.Contact;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what each step of a case sends, once per step key, in the caller's (the engine's)
 * transaction: a retried job finds the record its earlier run committed, or nothing if that run
 * rolled back. Delivery reads the records afterwards.
 */
@Service
public class CommunicationLog {

    private final org.encaisse.audit.AuditTrail audit;

    private final Communications communications;
    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final DeliveryProcess delivery;
    private final Clock clock;

    CommunicationLog(Communications communications, CustomerDirectory customers, InvoiceLedger ledger,
                     DeliveryProcess delivery, Clock clock, org.encaisse.audit.AuditTrail audit) {
        this.audit = audit;
        this.communications = communications;
        this.customers = customers;
        this.ledger = ledger;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * The communication of {@code step} for the customer's overdue, undisputed invoices; empty when
     * there is none left to chase, in which case nothing is recorded.
     */
    @Transactional
    public Optional<Communication> record(String stepKey, String caseId, Long customerId, CommunicationStep step) {
        return record(stepKey, caseId, customerId, step, ledger.overdue(customerId, LocalDate.now(clock)));
    }

    /** The communication of {@code step} about the given invoices (those of a payment plan, say). */
    @Transactional
    public Optional<Communication> record(String stepKey, String caseId, Long customerId, CommunicationStep step,
                                          List<Invoice> overdue) {
        return record(stepKey, caseId, customerId, step, overdue, List.of());
    }

    /** A payment-plan letter, which sets out the installments agreed. */
    @Transactional
    public Optional<Communication> record(String stepKey, String caseId, Long customerId, CommunicationStep step,
                                          List<Invoice> overdue, List<Installment> installments) {
        Optional<Communication> earlier = communications.findByStepKey(stepKey);
        if (earlier.isPresent()) {
            return earlier;
        }
        return recordNew(stepKey, caseId, customerId, step, overdue, installments);
    }

    private Optional<Communication> recordNew(String stepKey, String caseId, Long customerId, CommunicationStep step,
                                              List<Invoice> overdue, List<Installment> installments) {
        LocalDate today = LocalDate.now(clock);
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        Customer customer = customers.get(customerId);
        // One document per currency would be right for mixed accounts; the main currency is chased first.
        String currency = overdue.get(0).getCurrency();
        List<CommunicatedInvoice> listed = overdue.stream()
                .filter(invoice -> invoice.getCurrency().equals(currency))
                .map(invoice -> new CommunicatedInvoice(invoice.getId(), invoice.getNumber(), invoice.getIssueDate(),
                        invoice.getDueDate(), invoice.getAmount(), invoice.getOutstandingAmount(),
                        (int) invoice.daysLate(today)))
                .toList();
        Communication communication = new Communication(stepKey, customerId, caseId, step, customer.getLanguage(),
                recipient(customer, step), currency, listed);
        communication.setInstallments(installments.stream()
                .map(installment -> new CommunicatedInstallment(installment.dueDate(), installment.amount())).toList());
        Communication saved = communications.save(communication);
        delivery.start(saved, customer.getExternalId());
        audit.append("rule:" + (caseId == null ? step.template() : "case " + caseId), "LETTER_RECORDED", customerId,
                "letter " + saved.getId() + " " + step.name(),
                listed.stream().map(CommunicatedInvoice::invoiceNumber).toList(),
                "level " + step.level() + ", " + step.channel() + ", to " + (saved.getRecipientRole() == null ? "nobody"
                        : saved.getRecipientRole() + " " + saved.getRecipientEmail())
                        + ", " + saved.getTotalOutstanding() + " " + currency + " outstanding ("
                        + listed.stream().map(invoice -> invoice.invoiceNumber() + " " + invoice.daysLate() + " days late")
                                .collect(Collectors.joining(", ")) + ")");
        return Optional.of(saved);
    }

    /**
     * Records the next occurrence of {@code step} in the case: a case that loops back (the manager
     * keeps it in house, say) sends the step again. The key is new by construction (one more than the
     * case's records of the step), so it is not looked up: a job's run records in the job's transaction,
     * and a retried job is one whose run rolled back, record included. Two runs at once would collide
     * on the key's unique index.
     */
    @Transactional
    public Optional<Communication> recordNext(String caseId, String activityId, Long customerId, CommunicationStep step) {
        long sent = communications.countByCaseIdAndStep(caseId, step);
        return recordNew(caseId + "/" + activityId + "/" + (sent + 1), caseId, customerId, step,
                ledger.overdue(customerId, LocalDate.now(clock)), List.of());
    }

    @Transactional(readOnly = true)
    public boolean isRecorded(String stepKey) {
        return communications.findByStepKey(stepKey).isPresent();
    }

    /** A due date and amount of a plan, as the agreement letter lists it. */
    public record Installment(LocalDate dueDate, java.math.BigDecimal amount) {
    }

    @Transactional(readOnly = true)
    public List<Communication> ofInvoice(Long invoiceId) {
        List<Communication> all = communications.findByInvoiceId(invoiceId);
        all.forEach(CommunicationLog::load);
        return all;
    }

    @Transactional(readOnly = true)
    public List<Communication> ofCustomer(Long customerId) {
        List<Communication> all = communications.findByCustomerIdOrderByCreatedAtAscIdAsc(customerId);
        all.forEach(CommunicationLog::load);
        return all;
    }

    /** The customer's last {@code count} communications, oldest first, without their invoices and installments. */
    @Transactional(readOnly = true)
    public List<Communication> latestOfCustomer(Long customerId, int count) {
        List<Communication> newestFirst = new ArrayList<>(communications.findLatestOfCustomer(customerId, Limit.of(count)));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static void load(Communication communication) {
        communication.getInvoices().size();
        communication.getInstallments().size();
    }

    /** The first contact in the step's order of roles; among equals, one with an email address. */
    static Communication.Recipient recipient(Customer customer, CommunicationStep step) {
        Comparator<Contact> byRole = Comparator.comparingInt(contact -> {
            int rank = step.recipients().indexOf(contact.getRole());
            return rank < 0 ? Integer.MAX_VALUE : rank;
        });
        Comparator<Contact> withEmail = Comparator.comparing(contact -> contact.getEmail() == null);
        return customer.getContacts().stream()
                .min(byRole.thenComparing(withEmail))
                .map(contact -> new Communication.Recipient(contact.getRole(), contact.getName(), contact.getEmail()))
                .orElse(null);
    }
}
