package org.encaisse.communication;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Embeddable;

/**
 * An invoice as a communication listed it: as it stood when the step was recorded, then as it
 * stood when the letter went out, with the interest claimed (null below level 2).
 */
@Embeddable
public record CommunicatedInvoice(Long invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                                  BigDecimal amount, BigDecimal outstanding, int daysLate, BigDecimal interest) {

    CommunicatedInvoice(Long invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                        BigDecimal amount, BigDecimal outstanding, int daysLate) {
        this(invoiceId, invoiceNumber, issueDate, dueDate, amount, outstanding, daysLate, null);
    }
}
