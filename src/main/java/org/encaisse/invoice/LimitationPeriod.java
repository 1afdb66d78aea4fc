package org.encaisse.invoice;

import java.time.LocalDate;

/**
 * When a commercial claim dies: five years between merchants (Code de commerce L110-4, Code civil 2224),
 * counted from the due date, and again in full from the debtor's last acknowledgment of the debt (Code
 * civil 2240: a payment, a promise to pay, a signed payment plan, a written acknowledgment). An
 * acknowledgment before the due date changes nothing: the clock has not started.
 */
public final class LimitationPeriod {

    public static final int YEARS = 5;

    private LimitationPeriod() {
    }

    /** The first day the claim can no longer be brought: five years after its due date or last acknowledgment. */
    public static LocalDate expiry(LocalDate dueDate, LocalDate acknowledgedOn) {
        LocalDate start = acknowledgedOn != null && acknowledgedOn.isAfter(dueDate) ? acknowledgedOn : dueDate;
        return start.plusYears(YEARS);
    }
}
