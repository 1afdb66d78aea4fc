package org.encaisse.payment;

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

/** A payment the customer says it made, until a collector finds it at the bank or not. */
@Entity
public class PaymentAnnouncement {

    public enum Status { TO_CHECK, FOUND, NOT_FOUND }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_announcement_seq")
    @SequenceGenerator(name = "payment_announcement_seq", sequenceName = "payment_announcement_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private LocalDate paidOn;
    private BigDecimal amount;
    private String currency;
    private String bankReference;
    private String invoiceNumbers;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String announcedBy;
    private Instant announcedAt;
    private String checkedBy;
    private Instant checkedAt;
    private String checkComment;

    protected PaymentAnnouncement() {
    }

    PaymentAnnouncement(Long customerId, LocalDate paidOn, BigDecimal amount, String currency, String bankReference,
                        String invoiceNumbers, String announcedBy, Instant announcedAt) {
        this.customerId = customerId;
        this.paidOn = paidOn;
        this.amount = amount;
        this.currency = currency;
        this.bankReference = bankReference;
        this.invoiceNumbers = invoiceNumbers;
        this.announcedBy = announcedBy;
        this.announcedAt = announcedAt;
        this.status = Status.TO_CHECK;
    }

    void checked(boolean found, String comment, String by, Instant at) {
        this.status = found ? Status.FOUND : Status.NOT_FOUND;
        this.checkComment = comment;
        this.checkedBy = by;
        this.checkedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getBankReference() {
        return bankReference;
    }

    public String getInvoiceNumbers() {
        return invoiceNumbers;
    }

    public Status getStatus() {
        return status;
    }

    public String getAnnouncedBy() {
        return announcedBy;
    }

    public Instant getAnnouncedAt() {
        return announcedAt;
    }

    public String getCheckedBy() {
        return checkedBy;
    }

    public String getCheckComment() {
        return checkComment;
    }
}
