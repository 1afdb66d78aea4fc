package org.encaisse.communication;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Embeddable;

/** An invoice as a communication listed it, frozen at the time it was recorded. */
@Embeddable
public record CommunicatedInvoice(Long invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                                  BigDecimal amount, BigDecimal outstanding, int daysLate) {
}
