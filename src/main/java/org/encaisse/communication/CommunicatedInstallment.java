package org.encaisse.communication;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Embeddable;

/** One due date a payment-plan letter sets out. */
@Embeddable
public record CommunicatedInstallment(LocalDate dueDate, BigDecimal amount) {
}
