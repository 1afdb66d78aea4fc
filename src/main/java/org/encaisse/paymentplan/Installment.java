package org.encaisse.paymentplan;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One due date of a payment plan. */
@Embeddable
public class Installment {

    public enum Status { PENDING, PAID, MISSED }

    private LocalDate dueDate;
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    private Status status;

    protected Installment() {
    }

    Installment(LocalDate dueDate, BigDecimal amount) {
        this.dueDate = dueDate;
        this.amount = amount;
        this.status = Status.PENDING;
    }

    void mark(Status status) {
        this.status = status;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Status getStatus() {
        return status;
    }
}
