package org.encaisse.invoice;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The legal cap on B2B payment terms (Code de commerce L441-10 I): 60 days from the invoice's date, or
 * 45 days end of month when the parties agreed so. "45 days end of month" is read two ways (the end of the
 * invoice's month plus 45 days, or 45 days then the end of that month), both accepted by the
 * administration; the latest of the three dates is the cap, so that only terms that no reading allows are
 * flagged. Sector exceptions (transport, seasonal goods…) are not known here and not applied.
 */
public final class LegalPaymentTerms {

    static final int DAYS_FROM_ISSUE = 60;
    static final int DAYS_END_OF_MONTH = 45;

    private LegalPaymentTerms() {
    }

    /** The latest due date the law allows for an invoice of {@code issueDate}. */
    public static LocalDate latestDueDate(LocalDate issueDate) {
        LocalDate sixtyDays = issueDate.plusDays(DAYS_FROM_ISSUE);
        LocalDate endOfMonthThenDays = issueDate.with(TemporalAdjusters.lastDayOfMonth()).plusDays(DAYS_END_OF_MONTH);
        LocalDate daysThenEndOfMonth = issueDate.plusDays(DAYS_END_OF_MONTH).with(TemporalAdjusters.lastDayOfMonth());
        return latest(sixtyDays, latest(endOfMonthThenDays, daysThenEndOfMonth));
    }

    /** Whether {@code dueDate} is later than any agreement allows for an invoice of {@code issueDate}. */
    public static boolean exceeded(LocalDate issueDate, LocalDate dueDate) {
        return dueDate.isAfter(latestDueDate(issueDate));
    }

    private static LocalDate latest(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }
}
