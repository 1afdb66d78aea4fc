package org.encaisse.court;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.encaisse.letter.Creditor;

/**
 * What the request for an injunction to pay must say (Code de procédure civile 1407): the parties, the exact
 * amount claimed broken down into principal, interest and compensation, the basis of the claim, and the
 * supporting documents, numbered as annexed.
 */
public record InjunctionRequest(Creditor creditor, Debtor debtor, String caseId, LocalDate computedTo, String currency,
                                List<ClaimedInvoice> invoices, BigDecimal principal, BigDecimal interest,
                                BigDecimal compensationPerInvoice, BigDecimal compensation, BigDecimal total,
                                BigDecimal contractualRate, List<Evidence> evidence) {

    /** {@code representative}: the director on file, who represents the company. */
    public record Debtor(String externalId, String name, String companyId, List<String> address, String representative) {
    }

    /**
     * A supporting document: an invoice, or a letter as it was sent. {@code annexed}: the letter's document is
     * printed after the request, under its number.
     */
    public record Evidence(int number, String description, Instant sentAt, String recipient, String messageId,
                           String sha256, boolean annexed) {
    }
}
