package org.encaisse.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API answers about a payment: where its money went and what is left as credit. */
public record PaymentReceipt(String bankReference, LocalDate date, BigDecimal amount, String currency,
                             String customerExternalId, List<Allocation> allocations, BigDecimal unallocatedAmount,
                             String recordedBy, Instant recordedAt, boolean alreadyRecorded, String message) {

    public record Allocation(String invoiceNumber, BigDecimal amount, BigDecimal invoiceOutstanding,
                             String invoiceStatus) {
    }
}
