package org.encaisse.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.payment.PaymentHistory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Promises to pay taken on calls, and whether the money came. */
@Service
public class PromiseBook {

    private final org.encaisse.audit.AuditTrail audit;

    private final PromisesToPay promises;
    private final PaymentHistory payments;
    private final InvoiceLedger ledger;
    private final Clock clock;

    PromiseBook(PromisesToPay promises, PaymentHistory payments, org.encaisse.audit.AuditTrail audit, InvoiceLedger ledger,
                Clock clock) {
        this.audit = audit;
        this.promises = promises;
        this.payments = payments;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public PromiseToPay record(Long customerId, String caseId, LocalDate date, BigDecimal amount, String currency,
                               String recordedBy, java.time.Instant madeAt) {
        PromiseToPay promise = promises.save(new PromiseToPay(customerId, caseId, date, amount, currency, recordedBy, madeAt));
        audit.append(recordedBy, "PROMISE_RECORDED", customerId, "promise " + promise.getId(), null,
                amount + " " + currency + " promised for " + date + " on the call");
        // A promise to pay acknowledges what is overdue (Code civil 2240): the limitation clock restarts.
        LocalDate madeOn = LocalDate.ofInstant(madeAt, clock.getZone());
        ledger.acknowledge(ledger.overdue(customerId, madeOn), madeOn, recordedBy, "promise " + promise.getId());
        return promise;
    }

    /** Kept when the customer paid at least the amount promised since the promise was made on the call. */
    @Transactional
    public boolean settle(Long promiseId) {
        PromiseToPay promise = promises.findById(promiseId)
                .orElseThrow(() -> new NotFoundException("No promise to pay with id " + promiseId + "."));
        boolean kept = payments.receivedSince(promise.getCustomerId(), promise.getRecordedAt())
                .compareTo(promise.getAmount()) >= 0;
        promise.settle(kept);
        audit.append("rule:promise check", kept ? "PROMISE_KEPT" : "PROMISE_BROKEN", promise.getCustomerId(),
                "promise " + promiseId, null, "promised " + promise.getAmount() + " " + promise.getCurrency()
                        + " for " + promise.getPromisedDate());
        return kept;
    }

    @Transactional(readOnly = true)
    public List<PromiseToPay> ofCustomer(Long customerId) {
        return promises.findByCustomerIdOrderByRecordedAtDesc(customerId, Limit.unlimited());
    }

    /** The {@code count} recorded last. */
    @Transactional(readOnly = true)
    public List<PromiseToPay> latestOfCustomer(Long customerId, int count) {
        return promises.findByCustomerIdOrderByRecordedAtDesc(customerId, Limit.of(count));
    }
}
