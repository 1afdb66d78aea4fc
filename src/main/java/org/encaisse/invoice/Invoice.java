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
    private BigDecimal creditedAmount;
    /** Due later than L441-10 allows (LegalPaymentTerms): accepted, and shown to the credit manager. */
    private boolean dueBeyondLegalTerms;
    /** The debtor's last acknowledgment of this debt, which restarts the limitation clock (LimitationPeriod). */
    private LocalDate acknowledgedOn;
    /** Kept with every change of what it depends on, for the queries that look for claims about to die. */
    private LocalDate limitationDate;
    /** The limitation date the managers were warned of (LimitationWatch), so that each expiry warns once. */
    private LocalDate limitationWarnedFor;
    /** A court claim filed for this debt: the limitation clock stands still (Code civil 2241). */
    private LocalDate courtClaimFiledOn;
    /** The court's order became enforceable: ten years to enforce it (CPCE L111-4). */
    private LocalDate enforceableTitleOn;

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
        this.creditedAmount = BigDecimal.ZERO.setScale(2);
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
        this.dueBeyondLegalTerms = LegalPaymentTerms.exceeded(issueDate, dueDate);
        restartLimitationClock();
        this.outstandingAmount = amount.subtract(paid).subtract(creditedAmount);
        refreshStatus();
        this.updatedAt = Instant.now();
        return true;
    }

    /** Handed to a collection agency: the path stops chasing it; payments still settle it. */
    void handOverToAgency() {
        if (status == InvoiceStatus.OPEN || status == InvoiceStatus.PARTIALLY_PAID) {
            status = InvoiceStatus.AT_AGENCY;
            updatedAt = Instant.now();
        }
    }

    /** Covered by a payment plan: reminders stop while the plan is kept. */
    void putInPlan() {
        if (status == InvoiceStatus.OPEN || status == InvoiceStatus.PARTIALLY_PAID) {
            status = InvoiceStatus.IN_PLAN;
            updatedAt = Instant.now();
        }
    }

    /** The plan ended (kept, broken or cancelled): what is still owed is chased again. */
    void takeOutOfPlan() {
        if (status == InvoiceStatus.IN_PLAN) {
            status = InvoiceStatus.OPEN;
            refreshStatus();
            updatedAt = Instant.now();
        }
    }

    /** Reminders leave a disputed invoice alone until the dispute is resolved. */
    void markDisputed() {
        if (status == InvoiceStatus.DISPUTED) {
            throw new IllegalStateException("Invoice " + number + " is already disputed");
        }
        status = InvoiceStatus.DISPUTED;
        updatedAt = Instant.now();
    }

    /** The invoice rejoins the collection path, with whatever a resolution changed. */
    void endDispute() {
        status = InvoiceStatus.OPEN;
        refreshStatus();
        updatedAt = Instant.now();
    }

    /** A credit note lowers what is owed; the caller never credits more than is outstanding. */
    void credit(BigDecimal credited) {
        if (credited.signum() <= 0 || credited.compareTo(outstandingAmount) > 0) {
            throw new IllegalArgumentException("Cannot credit " + credited + " on invoice " + number
                    + " with " + outstandingAmount + " outstanding");
        }
        creditedAmount = creditedAmount.add(credited);
        outstandingAmount = outstandingAmount.subtract(credited);
        refreshStatus();
        updatedAt = Instant.now();
    }

    /** A corrected invoice replaces the amount; it cannot fall below what was already paid or credited. */
    void correctAmount(BigDecimal corrected) {
        BigDecimal settled = paidAmount().add(creditedAmount);
        if (corrected.compareTo(settled) < 0) {
            throw new IllegalArgumentException("Cannot correct invoice " + number + " to " + corrected
                    + ": " + settled + " is already paid or credited");
        }
        outstandingAmount = corrected.subtract(settled);
        amount = corrected;
        refreshStatus();
        updatedAt = Instant.now();
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
        // Money settles a plan's, an agency's or a court claim's invoice too; a dispute keeps its status until resolved.
        if (outstandingAmount.signum() == 0 && (status == InvoiceStatus.IN_PLAN || status == InvoiceStatus.AT_AGENCY
                || status == InvoiceStatus.IN_COURT)) {
            status = InvoiceStatus.PAID;
            return;
        }
        if (!status.followsPayments()) {
            return;
        }
        if (outstandingAmount.signum() == 0) {
            status = InvoiceStatus.PAID;
        } else if (outstandingAmount.compareTo(amount.subtract(creditedAmount)) < 0) {
            status = InvoiceStatus.PARTIALLY_PAID;
        } else {
            status = InvoiceStatus.OPEN;
        }
    }

    public BigDecimal paidAmount() {
        return amount.subtract(creditedAmount).subtract(outstandingAmount);
    }

    public BigDecimal getCreditedAmount() {
        return creditedAmount;
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

    /** The debtor acknowledged the debt on {@code day}: the five years start again from it, never from earlier. */
    boolean acknowledge(LocalDate day) {
        if (acknowledgedOn != null && !day.isAfter(acknowledgedOn)) {
            return false;
        }
        acknowledgedOn = day;
        restartLimitationClock();
        updatedAt = Instant.now();
        return true;
    }

    /** A court claim for this debt was filed on {@code day}: the limitation clock stands still until it ends. */
    void fileCourtClaim(LocalDate day) {
        if (courtClaimFiledOn == null) {
            courtClaimFiledOn = day;
        }
        if (status == InvoiceStatus.OPEN || status == InvoiceStatus.PARTIALLY_PAID || status == InvoiceStatus.IN_PLAN) {
            status = InvoiceStatus.IN_COURT;
        }
        restartLimitationClock();
        updatedAt = Instant.now();
    }

    /** The court's order can no longer be opposed: an enforceable title, ten years to enforce it. */
    void obtainEnforceableTitle(LocalDate day) {
        enforceableTitleOn = day;
        restartLimitationClock();
        updatedAt = Instant.now();
    }

    /**
     * The court claim was rejected or given up: the interruption counts as never having happened (Code civil
     * 2243), and the debt is chased again.
     */
    void dropCourtClaim() {
        courtClaimFiledOn = null;
        if (status == InvoiceStatus.IN_COURT) {
            status = InvoiceStatus.OPEN;
            refreshStatus();
        }
        restartLimitationClock();
        updatedAt = Instant.now();
    }

    void markLimitationWarned() {
        limitationWarnedFor = limitationDate;
    }

    private void restartLimitationClock() {
        limitationDate = LimitationPeriod.expiry(dueDate, acknowledgedOn, courtClaimFiledOn, enforceableTitleOn);
    }

    public LocalDate getLimitationWarnedFor() {
        return limitationWarnedFor;
    }

    public LocalDate getCourtClaimFiledOn() {
        return courtClaimFiledOn;
    }

    public LocalDate getEnforceableTitleOn() {
        return enforceableTitleOn;
    }

    public LocalDate getAcknowledgedOn() {
        return acknowledgedOn;
    }

    /** Null while a court claim stands the clock still. */
    public LocalDate limitationDate() {
        return limitationDate;
    }

    public boolean isDueBeyondLegalTerms() {
        return dueBeyondLegalTerms;
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
