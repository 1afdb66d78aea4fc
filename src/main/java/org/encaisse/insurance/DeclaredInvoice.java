package org.encaisse.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An invoice a declaration is about, with what was overdue on it when the declaration was planned. */
@Embeddable
public record DeclaredInvoice(@Column(name = "invoice_number") String number, LocalDate dueDate, BigDecimal outstanding,
                              String currency) {

    /** In cents, as the ledger keeps amounts (a computed amount may come as 7E+4). */
    public DeclaredInvoice {
        outstanding = outstanding == null ? null : outstanding.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
