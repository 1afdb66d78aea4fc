package org.encaisse.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the customer's own page shows: its open invoices with days late, the letters sent to it, and what it owes,
 * with the late-payment penalties the last letter claimed. Nothing of any other customer, and no internal note.
 */
public record PortalAccount(String creditorName, String creditorEmail, String creditorPhone, String creditorIban,
                     String customerName, String language, LocalDate asOf, List<Total> totals, List<OpenInvoice> invoices,
                     List<SentLetter> letters) {

    /** Per currency: what is owed, what of it is overdue, and the penalties the latest letter claimed on it. */
    public record Total(String currency, BigDecimal outstanding, BigDecimal overdue, BigDecimal penaltiesClaimed) {
    }

    public record OpenInvoice(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, BigDecimal outstanding,
                       String currency, long daysLate, String status) {
    }

    public record SentLetter(Instant sentAt, String subject, BigDecimal totalOutstanding, String currency,
                      BigDecimal interestClaimed, BigDecimal compensationClaimed) {
    }
}
