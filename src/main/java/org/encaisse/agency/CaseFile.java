package org.encaisse.agency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.encaisse.audit.CaseTimeline;
import org.encaisse.dispute.DisputeView;
import org.encaisse.insurance.ClaimFacts;

/**
 * The file a collection agency receives with its mandate, and what an auditor exports for the case:
 * the debtor, the invoices, the letters sent (with their PDF), disputes, promises, and the timeline.
 * The handoff's fields are absent from the file of a customer never handed over; {@code insurance} is there only in
 * the file of a claim to the credit insurer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseFile(Instant preparedAt, String caseId, String customerExternalId, String customerName, String companyId,
                       List<Contact> contacts, BigDecimal amountHandedOver, String currency, Instant handedOverAt,
                       String approvedBy, String collector, String agencyReference, BigDecimal recoveredAmount, String status,
                       List<Invoice> invoices, List<Letter> letters, List<DisputeView> disputes,
                       List<Promise> promises, List<CaseTimeline.Event> timeline, ClaimFacts insurance) {

    public record Promise(LocalDate promisedDate, BigDecimal amount, String currency, String status, String recordedBy,
                          Instant recordedAt) {
    }

    public record Contact(String role, String name, String email, String phone) {
    }

    public record Invoice(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
                          BigDecimal outstanding, String currency, String status) {
    }

    /**
     * {@code document}: where the document as sent (PDF, or an email's HTML) is, null for a letter not
     * sent (dropped, or still failing).
     */
    public record Letter(Long communicationId, Instant recordedAt, String step, int level, String channel, String recipient,
                         BigDecimal totalOutstanding, List<String> invoiceNumbers, String status, Instant sentAt,
                         String document) {
    }
}
