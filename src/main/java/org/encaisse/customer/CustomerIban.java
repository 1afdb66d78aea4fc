package org.encaisse.customer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** An account a customer pays from; see V18__bank_entries.sql. */
@Entity
class CustomerIban {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_iban_seq")
    @SequenceGenerator(name = "customer_iban_seq", sequenceName = "customer_iban_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private String iban;
    private String learntFrom;
    private Instant learntAt;

    protected CustomerIban() {
    }

    CustomerIban(Long customerId, String iban, String learntFrom, Instant learntAt) {
        this.customerId = customerId;
        this.iban = iban;
        this.learntFrom = learntFrom;
        this.learntAt = learntAt;
    }

    Long getCustomerId() {
        return customerId;
    }

    String getIban() {
        return iban;
    }

    String getLearntFrom() {
        return learntFrom;
    }

    Instant getLearntAt() {
        return learntAt;
    }
}
