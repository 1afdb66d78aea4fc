package org.encaisse.agency;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A case handed to a collection agency, at most once per case; the agency's reference and result come later. */
@Entity
public class AgencyHandoff {

    public enum Status { HANDED_OVER, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_handoff_seq")
    @SequenceGenerator(name = "agency_handoff_seq", sequenceName = "agency_handoff_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private String caseId;
    private BigDecimal amount;
    private String currency;

    @Enumerated(EnumType.STRING)
    private Status status;

    /** Null for the company's collection agency; the insurer's name when its collection service took the case. */
    private String collector;

    private String agencyReference;
    private BigDecimal recoveredAmount;
    private String approvedBy;
    private Instant handedOverAt;

    protected AgencyHandoff() {
    }

    AgencyHandoff(Long customerId, String caseId, BigDecimal amount, String currency, String approvedBy,
                  String collector) {
        this.collector = collector;
        this.customerId = customerId;
        this.caseId = caseId;
        this.amount = amount;
        this.currency = currency;
        this.approvedBy = approvedBy;
        this.status = Status.HANDED_OVER;
        this.handedOverAt = Instant.now();
    }

    void recordReference(String reference) {
        this.agencyReference = reference;
    }

    void close(BigDecimal recovered) {
        this.recoveredAmount = recovered;
        this.status = Status.CLOSED;
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

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Status getStatus() {
        return status;
    }

    public String getCollector() {
        return collector;
    }

    public String getAgencyReference() {
        return agencyReference;
    }

    public BigDecimal getRecoveredAmount() {
        return recoveredAmount;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getHandedOverAt() {
        return handedOverAt;
    }
}
