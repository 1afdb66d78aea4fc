package org.encaisse.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code limitationDate}: the first day the debt can no longer be claimed, absent while a court claim filed on
 * {@code courtClaimFiledOn} stands the clock still.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceView(String number, String customerExternalId, LocalDate issueDate, LocalDate dueDate,
                          BigDecimal amount, String currency, BigDecimal outstandingAmount, BigDecimal paidAmount,
                          String status, long daysLate, LocalDate limitationDate, LocalDate courtClaimFiledOn,
                          List<PaymentLine> payments) {

    /** The part of one payment that went to this invoice. */
    public record PaymentLine(String bankReference, LocalDate date, BigDecimal amount) {
    }
}
