package org.encaisse.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/** An invoice the customer owes; its outstanding amount falls as payments are allocated to it. */
@Entity
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
    @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
    private Long id;

    private String number;
    private Long customerId;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private BigDecimal amount;
    private String currency;
    private BigDecimal outstandingAmount;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;

    @Version
    private long version;

    private Instant createdAt;
    private Instant updatedAt;

    protected Invoice() {
    }

    Invoice(String number) {
        this.number = number;
        this.status = InvoiceStatus.OPEN;
        this.outstandingAmount = BigDecimal.ZERO.setScale(2);
        this.amount = BigDecimal.ZERO.setScale(2);
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /**
     * Takes the values of an import, keeping what was already paid.
     *
     * @return whether anything changed
     */
    boolean update(Long customerId, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, String currency) {
        boolean changed = !customerId.equals(this.customerId) || !issueDate.equals(this.issueDate)
                || !dueDate.equals(this.dueDate) || amount.compareTo(this.amount) != 0 || !currency.equals(this.currency);
        if (!changed) {
            return false;
        }
        BigDecimal paid = paidAmount();
        this.customerId = customerId;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.amount = amount;
        this.currency = currency;
        this.outstandingAmount = amount.subtract(paid);
        refreshStatus();
        this.updatedAt = Instant.now();
        return true;
    }

    /** Allocates part of a payment; the caller never allocates more than is outstanding. */
    void applyPayment(BigDecimal allocated) {
        if (allocated.signum() <= 0 || allocated.compareTo(outstandingAmount) > 0) {
            throw new IllegalArgumentException("Cannot allocate " + allocated + " to invoice " + number
                    + " with " + outstandingAmount + " outstanding");
        }
        outstandingAmount = outstandingAmount.subtract(allocated);
        refreshStatus();
        updatedAt = Instant.now();
    }

    private void refreshStatus() {
        if (!status.followsPayments()) {
            return;
        }
        if (outstandingAmount.signum() == 0) {
            status = InvoiceStatus.PAID;
        } else if (outstandingAmount.compareTo(amount) < 0) {
            status = InvoiceStatus.PARTIALLY_PAID;
        } else {
            status = InvoiceStatus.OPEN;
        }
    }

    public BigDecimal paidAmount() {
        return amount.subtract(outstandingAmount);
    }

    /** Days past the due date on {@code today}; zero when not yet due. */
    public long daysLate(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
    }

    public boolean isOverdue(LocalDate today) {
        return outstandingAmount.signum() > 0 && today.isAfter(dueDate);
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getOutstandingAmount() {
        return outstandingAmount;
    }

    public InvoiceStatus getStatus() {
        return status;
    }
}
