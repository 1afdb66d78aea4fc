package org.encaisse.court;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Embeddable;

/** An invoice as the injunction request claims it: what it still owed and its interest, on the day computed to. */
@Embeddable
public record ClaimedInvoice(Long invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                             BigDecimal outstanding, BigDecimal interest) {
}
