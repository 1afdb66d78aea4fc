package org.encaisse.insurance;

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

/** The limit a credit insurer granted on one customer under one policy, and whether it still stands. */
@Entity
public class InsuranceCover {

    /** As insurers word their decisions on a buyer: a limit granted, reduced, or withdrawn. */
    public enum State { GRANTED, REDUCED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "insurance_cover_seq")
    @SequenceGenerator(name = "insurance_cover_seq", sequenceName = "insurance_cover_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private String insurer;
    private String policyNumber;
    private BigDecimal grantedLimit;
    private String currency;
    private LocalDate grantedOn;

    @Enumerated(EnumType.STRING)
    private State state;

    private String updatedBy;
    private Instant updatedAt;

    protected InsuranceCover() {
    }

    InsuranceCover(Long customerId) {
        this.customerId = customerId;
    }

    void set(String insurer, String policyNumber, BigDecimal grantedLimit, String currency, LocalDate grantedOn,
             State state, String by, Instant at) {
        this.insurer = insurer;
        this.policyNumber = policyNumber;
        this.grantedLimit = grantedLimit;
        this.currency = currency;
        this.grantedOn = grantedOn;
        this.state = state;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Whether invoices falling overdue now are still to be declared: a withdrawn limit covers no new debt. */
    public boolean covers() {
        return state != State.WITHDRAWN;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getInsurer() {
        return insurer;
    }

    public String getPolicyNumber() {
        return policyNumber;
    }

    public BigDecimal getGrantedLimit() {
        return grantedLimit;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getGrantedOn() {
        return grantedOn;
    }

    public State getState() {
        return state;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
