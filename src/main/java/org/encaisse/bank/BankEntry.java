package org.encaisse.bank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/** A payment received as the bank's statement showed it, and what became of it; see V18__bank_entries.sql. */
@Entity
public class BankEntry {

    /** What became of the entry. */
    public enum Status {
        /** Applied by a matching rule as it was imported. */
        APPLIED,
        /** Waiting for a collector in "Rapprocher le paiement". */
        TO_MATCH,
        /** Matched to a customer by a collector. */
        MATCHED_BY_HAND,
        /** Not a customer's payment (a refund, a grant, a transfer between the company's accounts). */
        SET_ASIDE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bank_entry_seq")
    @SequenceGenerator(name = "bank_entry_seq", sequenceName = "bank_entry_seq", allocationSize = 50)
    private Long id;

    private String bankReference;
    private String account;
    private String statementId;
    private LocalDate bookingDate;
    private LocalDate valueDate;
    private BigDecimal amount;
    private String currency;
    private String debtorName;
    private String debtorIban;
    private String remittance;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String matchedRule;
    private String matchedBy;
    private Long customerId;
    private String fileName;
    private Instant importedAt;
    private Instant settledAt;
    @Version
    private long version;

    protected BankEntry() {
    }

    BankEntry(StatementEntry entry, String fileName, Instant importedAt) {
        this.bankReference = entry.bankReference();
        this.account = entry.account();
        this.statementId = cut(entry.statementId(), 100);
        this.bookingDate = entry.bookingDate();
        this.valueDate = entry.valueDate();
        this.amount = entry.amount();
        this.currency = entry.currency();
        this.debtorName = cut(entry.debtorName(), 200);
        this.debtorIban = entry.debtorIban() == null ? null : cut(org.encaisse.customer.Ibans.normalized(entry.debtorIban()), 34);
        this.remittance = cut(entry.remittance(), 1000);
        this.status = Status.TO_MATCH;
        this.fileName = cut(fileName, 255);
        this.importedAt = importedAt;
    }

    /** The entry as the statement gave it, for the rules to read again: what the payer wrote, split as it came. */
    StatementEntry asReceived() {
        List<String> references = remittance == null || remittance.isBlank() ? List.of()
                : List.of(remittance.split(java.util.regex.Pattern.quote(StatementEntry.REFERENCE_SEPARATOR)));
        return new StatementEntry(0, bankReference, account, statementId, bankReference, bookingDate, valueDate, amount,
                currency, true, true, false, debtorName, debtorIban, references);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    void applied(String rule, Long customer, Instant at) {
        settle(Status.APPLIED, rule, "rule:bank-matching", customer, at);
    }

    void matchedByHand(String collector, Long customer, Instant at) {
        settle(Status.MATCHED_BY_HAND, "MANUAL", collector, customer, at);
    }

    void setAside(String collector, Instant at) {
        settle(Status.SET_ASIDE, null, collector, null, at);
    }

    private void settle(Status outcome, String rule, String by, Long customer, Instant at) {
        this.status = outcome;
        this.matchedRule = rule;
        this.matchedBy = by;
        this.customerId = customer;
        this.settledAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getBankReference() {
        return bankReference;
    }

    public String getAccount() {
        return account;
    }

    public LocalDate getBookingDate() {
        return bookingDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getDebtorName() {
        return debtorName;
    }

    public String getDebtorIban() {
        return debtorIban;
    }

    public String getRemittance() {
        return remittance;
    }

    public Status getStatus() {
        return status;
    }

    public String getMatchedRule() {
        return matchedRule;
    }

    public String getMatchedBy() {
        return matchedBy;
    }

    public Long getCustomerId() {
        return customerId;
    }
}
