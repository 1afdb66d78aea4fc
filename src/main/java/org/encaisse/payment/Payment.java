package org.encaisse.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;

/**
 * Money received from a customer, identified by the bank's reference so that the same bank line
 * recorded twice is recognised. What no invoice absorbs stays visible as unallocated credit.
 */
@Entity
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
    @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 50)
    private Long id;

    private String bankReference;
    private LocalDate paymentDate;
    private BigDecimal amount;
    private String currency;
    private Long customerId;
    private BigDecimal unallocatedAmount;
    private String recordedBy;
    private Instant recordedAt;

    // Not updatable: the allocation's insert carries its payment, and Hibernate would otherwise set it again with
    // one more UPDATE per allocation (a statement of 10,000 payments wrote 10,000 of them).
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "payment_id", nullable = false, updatable = false)
    private List<PaymentAllocation> allocations = new ArrayList<>();

    protected Payment() {
    }

    Payment(String bankReference, LocalDate paymentDate, BigDecimal amount, String currency, Long customerId,
            String recordedBy) {
        this.bankReference = bankReference;
        this.paymentDate = paymentDate;
        this.amount = amount;
        this.currency = currency;
        this.customerId = customerId;
        this.unallocatedAmount = amount;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now();
    }

    void allocate(Long invoiceId, BigDecimal allocated) {
        allocations.add(new PaymentAllocation(invoiceId, allocated));
        unallocatedAmount = unallocatedAmount.subtract(allocated);
    }

    /** Whether a second submission with this bank reference describes this same payment. */
    boolean sameAs(LocalDate otherDate, BigDecimal otherAmount, String otherCurrency) {
        return paymentDate.equals(otherDate) && amount.compareTo(otherAmount) == 0 && currency.equals(otherCurrency);
    }

    public Long getId() {
        return id;
    }

    public String getBankReference() {
        return bankReference;
    }

    public LocalDate getPaymentDate() {
        return paymentDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public BigDecimal getUnallocatedAmount() {
        return unallocatedAmount;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public List<PaymentAllocation> getAllocations() {
        return Collections.unmodifiableList(allocations);
    }
}
