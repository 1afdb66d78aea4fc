package org.encaisse.court;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;

/**
 * An injunction to pay for one collection case: prepared (the request's PDF), filed at the commercial court's
 * registry, granted or rejected by the judge, served on the debtor, then closed once the one-month opposition
 * window (CPC 1416) has run, with what was recovered.
 */
@Entity
public class InjunctionFiling {

    public enum Status { PREPARED, FILED, GRANTED, REJECTED, SERVED, CLOSED, OPPOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "injunction_filing_seq")
    @SequenceGenerator(name = "injunction_filing_seq", sequenceName = "injunction_filing_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private String caseId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String currency;
    private BigDecimal principal;
    private BigDecimal interest;
    private BigDecimal compensation;
    private LocalDate computedTo;
    private String decidedBy;
    private Instant preparedAt;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] document;
    private String documentSha256;

    private String court;
    private LocalDate filedOn;
    private String filedBy;
    private LocalDate orderDate;
    private String orderReference;
    private LocalDate servedOn;
    private LocalDate oppositionDeadline;
    private Boolean oppositionFiled;
    private BigDecimal recoveredAmount;
    private LocalDate closedOn;

    @ElementCollection
    @CollectionTable(name = "injunction_filing_invoice", joinColumns = @JoinColumn(name = "filing_id"))
    @OrderColumn(name = "list_index")
    private List<ClaimedInvoice> invoices = new ArrayList<>();

    protected InjunctionFiling() {
    }

    InjunctionFiling(Long customerId, String caseId, String currency, List<ClaimedInvoice> invoices,
                     BigDecimal compensation, LocalDate computedTo, String decidedBy) {
        this.customerId = customerId;
        this.caseId = caseId;
        this.currency = currency;
        this.invoices = new ArrayList<>(invoices);
        this.principal = invoices.stream().map(ClaimedInvoice::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.interest = invoices.stream().map(ClaimedInvoice::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.compensation = compensation;
        this.computedTo = computedTo;
        this.decidedBy = decidedBy;
        this.status = Status.PREPARED;
        this.preparedAt = Instant.now();
    }

    void attach(byte[] pdf, String sha256) {
        this.document = pdf;
        this.documentSha256 = sha256;
    }

    void filed(String court, LocalDate day, String by) {
        this.court = court;
        this.filedOn = day;
        this.filedBy = by;
        this.status = Status.FILED;
    }

    void ordered(boolean granted, LocalDate day, String reference) {
        this.orderDate = day;
        this.orderReference = reference;
        this.status = granted ? Status.GRANTED : Status.REJECTED;
    }

    void served(LocalDate day, LocalDate deadline) {
        this.servedOn = day;
        this.oppositionDeadline = deadline;
        this.status = Status.SERVED;
    }

    void closed(boolean opposed, BigDecimal recovered, LocalDate day) {
        this.oppositionFiled = opposed;
        this.recoveredAmount = recovered;
        this.closedOn = day;
        this.status = opposed ? Status.OPPOSED : Status.CLOSED;
    }

    public BigDecimal total() {
        return principal.add(interest).add(compensation);
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

    public Status getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getPrincipal() {
        return principal;
    }

    public BigDecimal getInterest() {
        return interest;
    }

    public BigDecimal getCompensation() {
        return compensation;
    }

    public LocalDate getComputedTo() {
        return computedTo;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getPreparedAt() {
        return preparedAt;
    }

    public byte[] getDocument() {
        return document;
    }

    public String getDocumentSha256() {
        return documentSha256;
    }

    public String getCourt() {
        return court;
    }

    public LocalDate getFiledOn() {
        return filedOn;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public LocalDate getOrderDate() {
        return orderDate;
    }

    public String getOrderReference() {
        return orderReference;
    }

    public LocalDate getServedOn() {
        return servedOn;
    }

    public LocalDate getOppositionDeadline() {
        return oppositionDeadline;
    }

    public Boolean getOppositionFiled() {
        return oppositionFiled;
    }

    public BigDecimal getRecoveredAmount() {
        return recoveredAmount;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public List<ClaimedInvoice> getInvoices() {
        return List.copyOf(invoices);
    }
}
