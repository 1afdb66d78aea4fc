package org.encaisse.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** What a customer promised on a call: an amount by a date. Kept or broken once the date has passed. */
@Entity
public class PromiseToPay {

    public enum Status { OPEN, KEPT, BROKEN }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promise_to_pay_seq")
    @SequenceGenerator(name = "promise_to_pay_seq", sequenceName = "promise_to_pay_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private String caseId;
    private LocalDate promisedDate;
    private BigDecimal amount;
    private String currency;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String recordedBy;
    private Instant recordedAt;

    protected PromiseToPay() {
    }

    PromiseToPay(Long customerId, String caseId, LocalDate promisedDate, BigDecimal amount, String currency,
                 String recordedBy, Instant madeAt) {
        this.customerId = customerId;
        this.caseId = caseId;
        this.promisedDate = promisedDate;
        this.amount = amount;
        this.currency = currency;
        this.recordedBy = recordedBy;
        this.recordedAt = madeAt;
        this.status = Status.OPEN;
    }

    void settle(boolean kept) {
        status = kept ? Status.KEPT : Status.BROKEN;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCaseId() {
        return caseId;
    }

    public LocalDate getPromisedDate() {
        return promisedDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Status getStatus() {
        return status;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
