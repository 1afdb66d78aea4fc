package org.encaisse.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.ConflictException;
import org.encaisse.input.FieldReader;
import org.encaisse.input.InputErrors;
import org.encaisse.input.SourcePosition;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a payment once per bank reference and allocates it: to the invoices named, in the order
 * given, or to the customer's oldest open invoices. What is left over stays as unallocated credit.
 */
@Service
public class PaymentRecording {

    private final org.encaisse.audit.AuditTrail audit;

    private static final SourcePosition BODY = SourcePosition.item(1);

    private final Payments payments;
    private final InvoiceLedger ledger;
    private final CustomerDirectory customers;
    private final PaymentReceipts receipts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentRecording(Payments payments, InvoiceLedger ledger, CustomerDirectory customers, PaymentReceipts receipts,
                     ApplicationEventPublisher events, Clock clock, org.encaisse.audit.AuditTrail audit) {
        this.audit = audit;
        this.payments = payments;
        this.ledger = ledger;
        this.customers = customers;
        this.receipts = receipts;
        this.events = events;
        this.clock = clock;
    }

    /** The result and whether this call created the payment. */
    public record Outcome(PaymentReceipt receipt, boolean created) {
    }

    @Transactional
    public Outcome record(PaymentRequest request, String recordedBy) {
        InputErrors errors = new InputErrors();
        FieldReader fields = new FieldReader(errors, BODY);
        String reference = fields.text("bankReference", request.bankReference(), true, 100);
        LocalDate date = fields.date("date", request.date(), true);
        Currency currency = fields.currency("currency", request.currency());
        BigDecimal amount = fields.amount("amount", request.amount(), currency, true);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            fields.reject("date", "is in the future", request.date().strip());
        }
        errors.throwIfAny("the payment");

        lockPayer(request);
        Optional<Payment> existing = payments.findByBankReference(reference);
        if (existing.isPresent()) {
            return new Outcome(alreadyRecorded(existing.get(), date, amount, currency.getCurrencyCode()), false);
        }
        Target target = target(request, currency.getCurrencyCode(), fields);
        errors.throwIfAny("the payment");

        // A payment acknowledges the debts it names, or the whole account when made on account (Code civil 2240).
        boolean onAccount = request.invoiceNumbers() == null || request.invoiceNumbers().isEmpty();
        Payment payment = book(reference, date, amount, currency.getCurrencyCode(), target,
                onAccount ? ledger.ofCustomer(target.customer().getId()) : target.invoices(), recordedBy);
        payments.flush();
        events.publishEvent(new PaymentRecorded(target.customer().getId(), target.customer().getExternalId(), reference));
        String message = payment.getUnallocatedAmount().signum() > 0
                ? "Payment recorded; " + payment.getUnallocatedAmount() + " " + payment.getCurrency()
                  + " is left as unallocated credit on the customer's account."
                : "Payment recorded and fully allocated.";
        return new Outcome(receipts.of(payment, false, message), true);
    }

    /**
     * Records a payment whose payer and invoices a batch already decided, under a bank reference it checked was
     * new, with the payer locked and the invoices read in the batch's transaction: allocated, acknowledged and
     * audited as {@link #record} does, nothing read again, nothing flushed. {@code acknowledged}: the invoices
     * the payment acknowledges, those it names, or for a payment on account every invoice of the payer
     * ({@link #record} reads them). The batch tells the payers' cases with {@link PaymentsRecorded} once it has
     * recorded them all.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void recordMatched(String reference, LocalDate date, BigDecimal amount, String currency, Customer payer,
                              List<Invoice> invoices, java.util.Collection<Invoice> acknowledged, String recordedBy) {
        book(reference, date, amount, currency, new Target(payer, invoices), acknowledged, recordedBy);
    }

    private Payment book(String reference, LocalDate date, BigDecimal amount, String currency, Target target,
                         java.util.Collection<Invoice> acknowledged, String recordedBy) {
        Payment payment = new Payment(reference, date, amount, currency, target.customer().getId(), recordedBy);
        for (Invoice invoice : target.invoices()) {
            BigDecimal share = payment.getUnallocatedAmount().min(invoice.getOutstandingAmount());
            if (share.signum() > 0) {
                ledger.settle(invoice, share);
                payment.allocate(invoice.getId(), share);
            }
        }
        payments.save(payment);
        ledger.acknowledge(acknowledged, date, recordedBy, "payment " + reference);
        audit.append(recordedBy, "PAYMENT_RECORDED", target.customer().getId(), "payment " + reference,
                target.invoices().stream().filter(invoice -> payment.getAllocations().stream()
                        .anyMatch(allocation -> allocation.getInvoiceId().equals(invoice.getId())))
                        .map(Invoice::getNumber).toList(),
                amount + " " + payment.getCurrency() + " dated " + date + ", unallocated " + payment.getUnallocatedAmount());
        return payment;
    }

    /**
     * What a payment under {@code bankReference} would meet: nothing yet, the same payment recorded before, or
     * another payment under the same reference (which {@link #record} refuses).
     */
    @Transactional(readOnly = true)
    public Recorded recorded(String bankReference, LocalDate date, BigDecimal amount, String currency) {
        return payments.findByBankReference(bankReference)
                .map(payment -> payment.sameAs(date, amount, currency) ? Recorded.SAME : Recorded.OTHER)
                .orElse(Recorded.NONE);
    }

    /** The references among {@code bankReferences} that a payment is recorded under, in one query per chunk. */
    @Transactional(readOnly = true)
    public Set<String> recordedAmong(java.util.Collection<String> bankReferences) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : org.encaisse.input.QueryChunks.of(bankReferences)) {
            found.addAll(payments.findBankReferencesIn(chunk));
        }
        return found;
    }

    /** See {@link #recorded}. */
    public enum Recorded { NONE, SAME, OTHER }

    /**
     * Payments of one customer are allocated one at a time: each sees what the previous one left
     * outstanding. Nothing is loaded before the lock, so nothing read is stale.
     */
    private void lockPayer(PaymentRequest request) {
        String externalId = request.customerExternalId() == null ? "" : request.customerExternalId().strip();
        List<Long> payers = externalId.isEmpty()
                ? ledger.customerIdsOf(request.invoiceNumbers() == null ? List.of()
                        : request.invoiceNumbers().stream().filter(n -> n != null).map(String::strip).toList())
                : customers.find(externalId).map(customer -> List.of(customer.getId())).orElse(List.of());
        if (payers.size() == 1) {
            customers.lock(payers.get(0));
        }
    }

    private PaymentReceipt alreadyRecorded(Payment payment, LocalDate date, BigDecimal amount, String currency) {
        if (!payment.sameAs(date, amount, currency)) {
            throw new ConflictException("Bank reference '" + payment.getBankReference() + "' is already recorded for a "
                    + "payment of " + payment.getAmount() + " " + payment.getCurrency() + " on " + payment.getPaymentDate()
                    + "; this request says " + amount + " " + currency + " on " + date + ". Nothing was recorded.");
        }
        return receipts.of(payment, true, "Bank reference '" + payment.getBankReference() + "' was already recorded on "
                + payment.getRecordedAt() + "; nothing new was recorded.");
    }

    private record Target(Customer customer, List<Invoice> invoices) {
    }

    private Target target(PaymentRequest request, String currency, FieldReader fields) {
        List<String> numbers = request.invoiceNumbers() == null ? List.of() : request.invoiceNumbers();
        String externalId = fields.text("customerExternalId", request.customerExternalId(), false, 50);
        if (numbers.isEmpty() && externalId == null) {
            fields.reject("invoiceNumbers", "give the invoices paid, or the customerExternalId of the payer", null);
            return null;
        }
        Customer customer = null;
        if (externalId != null) {
            customer = customers.find(externalId).orElse(null);
            if (customer == null) {
                fields.reject("customerExternalId", "is not a known customer", externalId);
                return null;
            }
        }
        if (numbers.isEmpty()) {
            return new Target(customer, ledger.payableOnAccount(customer.getId(), currency));
        }
        return named(numbers, customer, currency, fields);
    }

    private Target named(List<String> numbers, Customer customer, String currency, FieldReader fields) {
        Map<String, Invoice> found = ledger.findAll(numbers.stream().filter(n -> n != null).toList());
        List<Invoice> invoices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Long customerId = customer == null ? null : customer.getId();
        for (int i = 0; i < numbers.size(); i++) {
            String field = "invoiceNumbers[" + i + "]";
            String number = numbers.get(i) == null ? null : numbers.get(i).strip();
            Invoice invoice = number == null ? null : found.get(number);
            if (invoice == null) {
                fields.reject(field, "is not a known invoice", number);
            } else if (!seen.add(number)) {
                fields.reject(field, "is listed twice", number);
            } else if (customerId != null && !customerId.equals(invoice.getCustomerId())) {
                fields.reject(field, customer == null ? "belongs to another customer than the invoices before it"
                        : "belongs to another customer than " + customer.getExternalId(), number);
            } else if (!invoice.getCurrency().equals(currency)) {
                fields.reject(field, "is in " + invoice.getCurrency() + ", the payment in " + currency, number);
            } else {
                customerId = invoice.getCustomerId();
                invoices.add(invoice);
            }
        }
        if (invoices.isEmpty()) {
            return null;
        }
        return new Target(customer != null ? customer : customers.get(customerId), invoices);
    }
}
