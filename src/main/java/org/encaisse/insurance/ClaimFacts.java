package org.encaisse.insurance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a claim to the credit insurer states beside the case file: the cover, the declaration made in time (its
 * reference and when the policy's waiting period lets the claim be paid), what the insurer wants in the file, and
 * the invoices whose cover was lost.
 */
public record ClaimFacts(String insurer, String policyNumber, BigDecimal grantedLimit, String currency,
                         LocalDate grantedOn, InsuranceCover.State coverState, BigDecimal exposure, BigDecimal uninsured,
                         LocalDate declarationDeadline, Instant declaredAt, String insurerReference,
                         int waitingPeriodDays, LocalDate claimableFrom, String requiredDocuments,
                         boolean insurerCollects, List<String> declaredInvoices, List<String> coverLostInvoices) {
}
