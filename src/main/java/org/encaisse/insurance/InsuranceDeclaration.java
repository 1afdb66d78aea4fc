package org.encaisse.insurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;

/**
 * Overdue invoices of an insured customer that the policy says must be declared to the insurer by a deadline
 * ("déclaration de menace de sinistre"), and what became of them.
 */
@Entity
public class InsuranceDeclaration {

    /**
     * {@code AWAITED}: to declare by the deadline. {@code DECLARED}: declared in time, the insurer's reference kept.
     * {@code PAID}: paid before anything had to be declared. {@code COVER_LOST}: the deadline passed undeclared, the
     * insurer owes nothing on these invoices.
     */
    public enum State { AWAITED, DECLARED, PAID, COVER_LOST }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "insurance_declaration_seq")
    @SequenceGenerator(name = "insurance_declaration_seq", sequenceName = "insurance_declaration_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private String processInstanceId;
    private String insurer;
    private String policyNumber;
    private LocalDate deadline;

    @Enumerated(EnumType.STRING)
    private State state;

    private String insurerReference;
    private String settledBy;
    private Instant settledAt;
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "insurance_declared_invoice", joinColumns = @JoinColumn(name = "declaration_id"))
    @OrderBy("dueDate, number")
    private List<DeclaredInvoice> invoices = new ArrayList<>();

    protected InsuranceDeclaration() {
    }

    InsuranceDeclaration(Long customerId, String processInstanceId, InsuranceCover cover, LocalDate deadline,
                         List<DeclaredInvoice> invoices, State state, Instant at) {
        this.customerId = customerId;
        this.processInstanceId = processInstanceId;
        this.insurer = cover.getInsurer();
        this.policyNumber = cover.getPolicyNumber();
        this.deadline = deadline;
        this.invoices = new ArrayList<>(invoices);
        this.state = state;
        this.createdAt = at;
        if (state != State.AWAITED) {
            this.settledBy = "system";
            this.settledAt = at;
        }
    }

    void declared(String reference, String by, Instant at) {
        settle(State.DECLARED, by, at);
        this.insurerReference = reference;
    }

    void paid(Instant at) {
        settle(State.PAID, "system", at);
    }

    void coverLost(Instant at) {
        settle(State.COVER_LOST, "system", at);
    }

    /** Keeps the invoices still unpaid: what is declared is what is owed on the day. */
    void keepOnly(List<DeclaredInvoice> unpaid) {
        invoices.clear();
        invoices.addAll(unpaid);
    }

    private void settle(State settled, String by, Instant at) {
        this.state = settled;
        this.settledBy = by;
        this.settledAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getInsurer() {
        return insurer;
    }

    public String getPolicyNumber() {
        return policyNumber;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public State getState() {
        return state;
    }

    public String getInsurerReference() {
        return insurerReference;
    }

    public String getSettledBy() {
        return settledBy;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<DeclaredInvoice> getInvoices() {
        return List.copyOf(invoices);
    }
}
