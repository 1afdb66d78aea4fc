package org.encaisse.court;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Where a case's injunction to pay stands, as the API gives it. */
public record InjunctionView(String caseId, String status, String currency, BigDecimal principal, BigDecimal interest,
                      BigDecimal compensation, BigDecimal total, LocalDate computedTo, String decidedBy,
                      Instant preparedAt, String documentSha256, String court, LocalDate filedOn, String filedBy,
                      LocalDate orderDate, String orderReference, LocalDate servedOn, LocalDate oppositionDeadline,
                      Boolean oppositionFiled, BigDecimal recoveredAmount, LocalDate closedOn,
                      List<ClaimedInvoice> invoices) {

    static InjunctionView of(InjunctionFiling f) {
        return new InjunctionView(f.getCaseId(), f.getStatus().name(), f.getCurrency(), f.getPrincipal(),
                f.getInterest(), f.getCompensation(), f.total(), f.getComputedTo(), f.getDecidedBy(),
                f.getPreparedAt(), f.getDocumentSha256(), f.getCourt(), f.getFiledOn(), f.getFiledBy(),
                f.getOrderDate(), f.getOrderReference(), f.getServedOn(), f.getOppositionDeadline(),
                f.getOppositionFiled(), f.getRecoveredAmount(), f.getClosedOn(), f.getInvoices());
    }
}
