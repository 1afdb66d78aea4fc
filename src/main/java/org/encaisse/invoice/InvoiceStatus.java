package org.encaisse.invoice;

public enum InvoiceStatus {
    OPEN,
    PARTIALLY_PAID,
    PAID,
    DISPUTED,
    IN_PLAN,
    AT_AGENCY,
    WRITTEN_OFF;

    /** Statuses that payments move between; the others are set by the recovery path and kept. */
    boolean followsPayments() {
        return this == OPEN || this == PARTIALLY_PAID || this == PAID;
    }
}
