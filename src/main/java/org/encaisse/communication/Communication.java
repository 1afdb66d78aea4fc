package org.encaisse.communication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;

import org.encaisse.customer.ContactRole;

/**
 * A letter or email of the recovery path: what it says (template, level, invoices), to whom, and
 * where its delivery stands. Recorded once per step of a case; delivered separately.
 */
@Entity
public class Communication {

    /**
     * PENDING until a sender sends it (SENT) or finds its invoices paid or disputed meanwhile
     * (DROPPED); FAILED with the error, which the next attempt retries. SENDING, with
     * {@code claimedUntil}, is what senders of earlier versions committed before sending; a sender
     * now holds the row's lock instead, and respects such a claim until it expires.
     */
    public enum Status { PENDING, SENDING, SENT, FAILED, DROPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "communication_seq")
    @SequenceGenerator(name = "communication_seq", sequenceName = "communication_seq", allocationSize = 50)
    private Long id;

    private String stepKey;
    private Long customerId;
    private String caseId;

    @Enumerated(EnumType.STRING)
    private CommunicationStep step;

    private int level;

    @Enumerated(EnumType.STRING)
    private CommunicationStep.Channel channel;

    private String template;
    private String language;

    @Enumerated(EnumType.STRING)
    private ContactRole recipientRole;

    private String recipientName;
    private String recipientEmail;
    private String currency;
    private BigDecimal totalOutstanding;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant createdAt;
    private int attempts;
    private Instant claimedUntil;
    private String lastError;
    private Instant sentAt;
    private String messageId;
    private String subject;
    private BigDecimal totalInterest;
    private BigDecimal totalCompensation;

    @ElementCollection
    @CollectionTable(name = "communication_installment", joinColumns = @JoinColumn(name = "communication_id"))
    @OrderColumn(name = "list_index")
    private List<CommunicatedInstallment> installments = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "communication_invoice", joinColumns = @JoinColumn(name = "communication_id"))
    @OrderColumn(name = "list_index")
    private List<CommunicatedInvoice> invoices = new ArrayList<>();

    protected Communication() {
    }

    Communication(String stepKey, Long customerId, String caseId, CommunicationStep step, String language,
                  Recipient recipient, String currency, List<CommunicatedInvoice> invoices) {
        this.stepKey = stepKey;
        this.customerId = customerId;
        this.caseId = caseId;
        this.step = step;
        this.level = step.level();
        this.channel = step.channel();
        this.template = step.template();
        this.language = language;
        if (recipient != null) {
            this.recipientRole = recipient.role();
            this.recipientName = recipient.name();
            this.recipientEmail = recipient.email();
        }
        this.currency = currency;
        this.invoices.addAll(invoices);
        this.totalOutstanding = invoices.stream().map(CommunicatedInvoice::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.status = Status.PENDING;
        this.createdAt = Instant.now();
    }

    void setInstallments(List<CommunicatedInstallment> installments) {
        this.installments.clear();
        this.installments.addAll(installments);
    }

    /** The invoices as they stand when the letter goes out, with what they claim. */
    void refresh(List<CommunicatedInvoice> stillOwed, BigDecimal interest, BigDecimal compensation) {
        invoices.clear();
        invoices.addAll(stillOwed);
        totalOutstanding = stillOwed.stream().map(CommunicatedInvoice::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        totalInterest = interest;
        totalCompensation = compensation;
    }

    void addressTo(Recipient recipient) {
        recipientRole = recipient.role();
        recipientName = recipient.name();
        recipientEmail = recipient.email();
    }

    void entitle(String subject) {
        this.subject = subject;
    }

    // Each outcome counts its attempt as it is set, so that the row is updated once, at the end.
    void sent(Instant at, String messageId) {
        attempts++;
        status = Status.SENT;
        sentAt = at;
        this.messageId = messageId;
        claimedUntil = null;
        lastError = null;
    }

    void dropped(String reason) {
        attempts++;
        status = Status.DROPPED;
        claimedUntil = null;
        lastError = reason;
    }

    /**
     * Held back before it was written, until what it needs is there; it stays PENDING.
     *
     * @return whether this is news, rather than the same hold again
     */
    boolean hold(String reason) {
        if (status == Status.SENT || status == Status.DROPPED || reason.equals(lastError)) {
            return false;
        }
        attempts++;
        status = Status.PENDING;
        claimedUntil = null;
        lastError = reason;
        return true;
    }

    /** An attempt that failed; a letter another sender has sent or dropped since keeps that outcome. */
    void failedAttempt(String error) {
        if (status == Status.SENT || status == Status.DROPPED) {
            return;
        }
        attempts++;
        status = Status.FAILED;
        claimedUntil = null;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    /** Who a communication goes to. */
    public record Recipient(ContactRole role, String name, String email) {
    }

    public Long getId() {
        return id;
    }

    public String getStepKey() {
        return stepKey;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCaseId() {
        return caseId;
    }

    public CommunicationStep getStep() {
        return step;
    }

    public int getLevel() {
        return level;
    }

    public CommunicationStep.Channel getChannel() {
        return channel;
    }

    public String getTemplate() {
        return template;
    }

    public String getLanguage() {
        return language;
    }

    public ContactRole getRecipientRole() {
        return recipientRole;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getTotalOutstanding() {
        return totalOutstanding;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getClaimedUntil() {
        return claimedUntil;
    }

    /** Why the last attempt failed, or why the communication was dropped. */
    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getSubject() {
        return subject;
    }

    public BigDecimal getTotalInterest() {
        return totalInterest;
    }

    public BigDecimal getTotalCompensation() {
        return totalCompensation;
    }

    public List<CommunicatedInstallment> getInstallments() {
        return Collections.unmodifiableList(installments);
    }

    /** Where the API serves the PDF as sent; null until it was sent. */
    public String documentPath() {
        return status == Status.SENT ? "/api/communications/" + id + "/document" : null;
    }

    /** What the customer quotes back: the customer's id and the communication's number. */
    public String reference(String customerExternalId) {
        return "ENC-" + customerExternalId + "-" + id;
    }

    public List<CommunicatedInvoice> getInvoices() {
        return Collections.unmodifiableList(invoices);
    }
}
