package org.encaisse.court;

import java.time.LocalDate;

import org.encaisse.collection.FrenchPublicHolidays;

/**
 * The debtor may oppose an injunction to pay within one month of its service (Code de procédure civile 1416). A
 * period in months ends on the same day of the following month, or on that month's last day when it has none
 * (CPC 641); one ending on a Saturday, a Sunday or a public holiday runs to the next working day (CPC 642).
 */
final class OppositionWindow {

    private OppositionWindow() {
    }

    /** The last day the debtor may oppose an order served on {@code servedOn}. */
    static LocalDate lastDay(LocalDate servedOn) {
        LocalDate last = servedOn.plusMonths(1);
        while (!FrenchPublicHolidays.isBusinessDay(last)) {
            last = last.plusDays(1);
        }
        return last;
    }
}
