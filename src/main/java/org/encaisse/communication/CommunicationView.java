package org.encaisse.communication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record CommunicationView(Long id, String step, int level, String channel, String template, String language,
                                String recipientRole, String recipientName, String recipientEmail, String currency,
                                BigDecimal totalOutstanding, boolean claimsLatePaymentPenalties, String status,
                                Instant createdAt, String caseId, List<CommunicatedInvoice> invoices) {

    static CommunicationView of(Communication c) {
        return new CommunicationView(c.getId(), c.getStep().name(), c.getLevel(), c.getChannel().name(), c.getTemplate(),
                c.getLanguage(), c.getRecipientRole() == null ? null : c.getRecipientRole().name(), c.getRecipientName(),
                c.getRecipientEmail(), c.getCurrency(), c.getTotalOutstanding(), c.getStep().claimsLatePaymentPenalties(),
                c.getStatus().name(), c.getCreatedAt(),
                c.getCaseId(), c.getInvoices());
    }
}
