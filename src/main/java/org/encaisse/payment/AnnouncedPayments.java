package org.encaisse.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.encaisse.audit.AuditTrail;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.FieldReader;
import org.encaisse.input.InputErrors;
import org.encaisse.input.NotFoundException;
import org.encaisse.input.SourcePosition;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "We already paid": the customer's word, recorded and handed to the collectors, who check it against the bank in
 * the task "Vérifier le paiement annoncé" (PaymentAnnouncementProcess). Nothing is paid by it: a payment is recorded
 * when the money is seen.
 */
@Service
public class AnnouncedPayments {

    static final String PROCESS = "PaymentAnnouncementProcess";

    private final PaymentAnnouncements announcements;
    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final Clock clock;

    AnnouncedPayments(PaymentAnnouncements announcements, CustomerDirectory customers, InvoiceLedger ledger,
                      RuntimeService runtime, AuditTrail audit, Clock clock) {
        this.announcements = announcements;
        this.customers = customers;
        this.ledger = ledger;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks and records what the customer says it paid. The date may not be in the future nor more than a year
     * ago; the amount must be positive and at most what the customer owes; the invoices named must be its own.
     */
    @Transactional
    public PaymentAnnouncement announce(Long customerId, String paidOn, String amount, String bankReference,
                                        List<String> invoiceNumbers, String by) {
        Customer customer = customers.get(customerId);
        InputErrors errors = new InputErrors();
        FieldReader read = new FieldReader(errors, SourcePosition.item(1));
        LocalDate today = LocalDate.now(clock);
        LocalDate date = read.date("paidOn", paidOn, true);
        if (date != null && (date.isAfter(today) || date.isBefore(today.minusYears(1)))) {
            read.reject("paidOn", "must be a day of the past year, not later than today / doit être une date des douze "
                    + "derniers mois, pas après aujourd'hui", paidOn);
        }
        List<Invoice> owed = ledger.ofCustomer(customerId).stream()
                .filter(invoice -> invoice.getOutstandingAmount().signum() > 0).toList();
        Map<String, Invoice> own = new HashMap<>();
        owed.forEach(invoice -> own.put(invoice.getNumber(), invoice));
        List<String> named = new ArrayList<>();
        for (String number : invoiceNumbers == null ? List.<String>of() : invoiceNumbers) {
            if (number == null || number.isBlank()) {
                continue;
            }
            if (!own.containsKey(number.strip())) {
                read.reject("invoiceNumbers", "is not an open invoice of your account / n'est pas une facture ouverte de "
                        + "votre compte", number);
            } else {
                named.add(number.strip());
            }
        }
        String currency = named.isEmpty() ? (owed.isEmpty() ? "EUR" : owed.get(0).getCurrency())
                : own.get(named.get(0)).getCurrency();
        BigDecimal value = read.amount("amount", amount, Currency.getInstance(currency), true);
        BigDecimal owedTotal = owed.stream().filter(invoice -> invoice.getCurrency().equals(currency))
                .map(Invoice::getOutstandingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (value != null && value.compareTo(owedTotal) > 0) {
            read.reject("amount", "is more than you owe (" + owedTotal.toPlainString() + " " + currency
                    + ") / dépasse ce que vous devez", amount);
        }
        String reference = read.text("bankReference", bankReference, false, 100);
        errors.throwIfAny("the payment announced");
        PaymentAnnouncement saved = announcements.save(new PaymentAnnouncement(customerId, date, value, currency,
                reference, named.isEmpty() ? null : String.join(", ", named), by, clock.instant()));
        audit.append(by, "PAYMENT_ANNOUNCED", customerId, customer.getExternalId(), named,
                "%s %s payé le %s, référence %s / paid on %s".formatted(value.toPlainString(), currency, date,
                        reference == null ? "-" : reference, date));
        runtime.startProcessInstanceByKey(PROCESS, customer.getExternalId(), Map.of(
                "customerId", customerId, "announcementId", saved.getId(),
                "announcedPaidOn", date.toString(), "announcedAmount", value.toPlainString() + " " + currency,
                "announcedReference", reference == null ? "" : reference,
                "announcedInvoices", named.isEmpty() ? "" : String.join(", ", named)));
        return saved;
    }

    /** The collector's finding, from the task's completion. */
    @Transactional
    public void checked(Long announcementId, boolean found, String comment, String by) {
        PaymentAnnouncement announcement = announcements.findById(announcementId).orElseThrow(() ->
                new NotFoundException("No payment announcement " + announcementId + "."));
        if (announcement.getStatus() != PaymentAnnouncement.Status.TO_CHECK) {
            return;
        }
        announcement.checked(found, comment, by, clock.instant());
        audit.append(by, found ? "ANNOUNCED_PAYMENT_FOUND" : "ANNOUNCED_PAYMENT_NOT_FOUND", announcement.getCustomerId(),
                "announcement " + announcementId, null, comment);
    }

    /** What customers said they paid and nobody checked yet, oldest first. */
    @Transactional(readOnly = true)
    public List<PaymentAnnouncement> toCheck(Long customerId) {
        return announcements.findByCustomerIdAndStatusOrderByAnnouncedAt(customerId, PaymentAnnouncement.Status.TO_CHECK);
    }
}
