package org.encaisse.paymentplan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * An "échéancier": what a customer in difficulty owes on its overdue invoices, split into monthly
 * installments. A signed plan is an acknowledgement of the debt (Civil Code 2240).
 */
@Entity
public class PaymentPlan {

    public enum Status { PROPOSED, REJECTED, ACTIVE, KEPT, BROKEN }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_plan_seq")
    @SequenceGenerator(name = "payment_plan_seq", sequenceName = "payment_plan_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private String caseId;
    private BigDecimal totalAmount;
    private String currency;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String proposedBy;
    private String approvedBy;
    private Instant createdAt;
    private Instant startedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "payment_plan_installment", joinColumns = @JoinColumn(name = "payment_plan_id"))
    @OrderColumn(name = "list_index")
    private List<Installment> installments = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "payment_plan_invoice", joinColumns = @JoinColumn(name = "payment_plan_id"))
    @Column(name = "invoice_id")
    private Set<Long> invoiceIds = new LinkedHashSet<>();

    protected PaymentPlan() {
    }

    /** Splits {@code total} into {@code count} monthly installments, the rounding left on the last one. */
    PaymentPlan(Long customerId, String caseId, List<Long> invoiceIds, BigDecimal total, String currency,
                int count, LocalDate firstDueDate, String proposedBy) {
        this.customerId = customerId;
        this.caseId = caseId;
        this.invoiceIds.addAll(invoiceIds);
        this.totalAmount = total;
        this.currency = currency;
        this.proposedBy = proposedBy;
        this.status = Status.PROPOSED;
        this.createdAt = Instant.now();
        BigDecimal share = total.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        for (int i = 0; i < count; i++) {
            BigDecimal amount = i == count - 1 ? total.subtract(share.multiply(BigDecimal.valueOf(count - 1))) : share;
            installments.add(new Installment(firstDueDate.plusMonths(i), amount));
        }
    }

    void reject() {
        status = Status.REJECTED;
    }

    void start(String approvedBy) {
        this.approvedBy = approvedBy;
        this.status = Status.ACTIVE;
        this.startedAt = Instant.now();
    }

    /**
     * Marks the installments due by {@code asOf} paid or missed from what the customer paid since the
     * plan started; a payment covers installments in order.
     *
     * @return the first installment due by then that is not covered, if any
     */
    Installment settleUpTo(LocalDate asOf, BigDecimal paidSinceStart) {
        BigDecimal left = paidSinceStart;
        Installment firstMissed = null;
        for (Installment installment : installments) {
            if (installment.getDueDate().isAfter(asOf)) {
                break;
            }
            if (left.compareTo(installment.getAmount()) >= 0) {
                left = left.subtract(installment.getAmount());
                installment.mark(Installment.Status.PAID);
            } else {
                installment.mark(Installment.Status.MISSED);
                if (firstMissed == null) {
                    firstMissed = installment;
                }
            }
        }
        return firstMissed;
    }

    /** The next installment still pending, or null when every one is settled. */
    Installment nextPending() {
        return installments.stream().filter(i -> i.getStatus() == Installment.Status.PENDING).findFirst().orElse(null);
    }

    void end(boolean kept) {
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

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public String getCurrency() {
        return currency;
    }

    public Status getStatus() {
        return status;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public List<Installment> getInstallments() {
        return Collections.unmodifiableList(installments);
    }

    public Set<Long> getInvoiceIds() {
        return Collections.unmodifiableSet(invoiceIds);
    }
}
