package org.encaisse.dispute;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/** A customer's objection to one invoice, from the moment it is raised to its resolution. */
@Entity
public class Dispute {

    public enum Status { OPEN, RESOLVED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dispute_seq")
    @SequenceGenerator(name = "dispute_seq", sequenceName = "dispute_seq", allocationSize = 50)
    private Long id;

    private Long invoiceId;
    private Long openInvoiceId;

    @Enumerated(EnumType.STRING)
    private DisputeCategory category;

    private String description;
    private String routedGroup;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Enumerated(EnumType.STRING)
    private DisputeResolution resolution;

    private BigDecimal resolutionAmount;
    private String resolutionComment;
    private String openedBy;
    private Instant openedAt;
    private String resolvedBy;
    private Instant resolvedAt;

    @Version
    private long version;

    protected Dispute() {
    }

    Dispute(Long invoiceId, DisputeCategory category, String description, String openedBy) {
        this.invoiceId = invoiceId;
        this.openInvoiceId = invoiceId;
        this.category = category;
        this.description = description;
        this.openedBy = openedBy;
        this.openedAt = Instant.now();
        this.status = Status.OPEN;
    }

    void routeTo(String group) {
        this.routedGroup = group;
    }

    void resolve(DisputeResolution resolution, BigDecimal amount, String comment, String resolvedBy) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("Dispute " + id + " is already resolved");
        }
        this.resolution = resolution;
        this.resolutionAmount = amount;
        this.resolutionComment = comment;
        this.resolvedBy = resolvedBy;
        this.resolvedAt = Instant.now();
        this.status = Status.RESOLVED;
        this.openInvoiceId = null;
    }

    public Long getId() {
        return id;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public DisputeCategory getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }

    public String getRoutedGroup() {
        return routedGroup;
    }

    public Status getStatus() {
        return status;
    }

    public DisputeResolution getResolution() {
        return resolution;
    }

    public BigDecimal getResolutionAmount() {
        return resolutionAmount;
    }

    public String getResolutionComment() {
        return resolutionComment;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
