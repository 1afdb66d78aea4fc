package org.encaisse.invoice;

public enum InvoiceStatus {
    OPEN,
    PARTIALLY_PAID,
    PAID,
    DISPUTED,
    IN_PLAN,
    AT_AGENCY,
    /** Claimed in court (an injunction to pay): the path stops chasing it; payments still settle it. */
    IN_COURT,
    WRITTEN_OFF;

    /** Statuses that payments move between; the others are set by the recovery path and kept. */
    boolean followsPayments() {
        return this == OPEN || this == PARTIALLY_PAID || this == PAID;
    }
}
