package org.encaisse.communication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A communication as the API lists it; {@code document} is where the document as sent is once it went
 * out: the PDF of a registered letter, the HTML body of an EMAIL.
 */
public record CommunicationView(Long id, String step, int level, String channel, String template, String language,
                                String recipientRole, String recipientName, String recipientEmail, String subject,
                                String currency, BigDecimal totalOutstanding, boolean claimsLatePaymentPenalties,
                                BigDecimal totalInterest, BigDecimal totalCompensation, String status, int attempts,
                                String lastError, Instant createdAt, Instant sentAt, String messageId, String document,
                                String caseId, List<CommunicatedInvoice> invoices,
                                List<CommunicatedInstallment> installments) {

    static CommunicationView of(Communication c) {
        return new CommunicationView(c.getId(), c.getStep().name(), c.getLevel(), c.getChannel().name(), c.getTemplate(),
                c.getLanguage(), c.getRecipientRole() == null ? null : c.getRecipientRole().name(), c.getRecipientName(),
                c.getRecipientEmail(), c.getSubject(), c.getCurrency(), c.getTotalOutstanding(),
                c.getStep().claimsLatePaymentPenalties(), c.getTotalInterest(), c.getTotalCompensation(),
                c.getStatus().name(), c.getAttempts(), c.getLastError(), c.getCreatedAt(), c.getSentAt(), c.getMessageId(),
                c.documentPath(),
                c.getCaseId(), c.getInvoices(), c.getInstallments());
    }
}
