package org.encaisse.payment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How the other features read the payments received. */
@Service
@Transactional(readOnly = true)
public class PaymentHistory {

    private final Payments payments;

    PaymentHistory(Payments payments) {
        this.payments = payments;
    }

    /** Newest first. */
    public List<Payment> ofCustomer(Long customerId) {
        return payments.findByCustomerIdOrderByPaymentDateDescIdDesc(customerId, Limit.unlimited());
    }

    /** The {@code count} newest. */
    public List<Payment> latestOfCustomer(Long customerId, int count) {
        return payments.findByCustomerIdOrderByPaymentDateDescIdDesc(customerId, Limit.of(count));
    }

    public List<Payment> ofInvoice(Long invoiceId) {
        return payments.findByInvoiceId(invoiceId);
    }

    /** Everything received from the customer since {@code since}, e.g. to tell whether a promise was kept. */
    public BigDecimal receivedSince(Long customerId, java.time.Instant since) {
        return payments.sumRecordedSince(customerId, since);
    }

    /** Money received from the customer that no invoice has absorbed yet, per currency. */
    public Map<String, BigDecimal> unallocatedCredit(Long customerId) {
        Map<String, BigDecimal> credit = new LinkedHashMap<>();
        payments.unallocatedCredit(customerId).forEach(row -> credit.put(row.getCurrency(), row.getAmount()));
        return credit;
    }
}
