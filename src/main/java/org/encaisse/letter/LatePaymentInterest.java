package org.encaisse.letter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Late-payment interest of French B2B invoices (Code de commerce L441-10): simple interest on what
 * is still owed, from the day after the due date, at the rate in force on 1 January for the first
 * half-year and on 1 July for the second, unless the customer's terms set their own rate. A year
 * counts 365 days, as French courts compute it.
 */
public final class LatePaymentInterest {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final NavigableMap<LocalDate, BigDecimal> statutoryRates = new TreeMap<>();

    public LatePaymentInterest(List<LatePaymentRates.Rate> rates) {
        rates.forEach(rate -> statutoryRates.put(rate.from(), rate.percent()));
    }

    /** An invoice's due date, what it asked for, and what settled it on which day (payments, credit notes). */
    public record Lateness(LocalDate dueDate, BigDecimal amount, List<Settlement> settlements) {
    }

    public record Settlement(LocalDate date, BigDecimal amount) {
    }

    /** The statutory yearly rate in percent for {@code day}: the one in force when its half-year began. */
    public BigDecimal statutoryRate(LocalDate day) {
        LocalDate halfYearStart = halfYearStart(day);
        var entry = statutoryRates.floorEntry(halfYearStart);
        if (entry == null) {
            throw new IllegalStateException("No late-payment rate is configured for " + halfYearStart
                    + " (encaisse.penalties.rates starts at "
                    + (statutoryRates.isEmpty() ? "nothing" : statutoryRates.firstKey()) + ").");
        }
        return entry.getValue();
    }

    /** Whether the table holds the rate of the half-year of {@code day}, rather than carrying an older one on. */
    public boolean hasRateFor(LocalDate day) {
        return statutoryRates.containsKey(halfYearStart(day));
    }

    /**
     * The half-years from {@code from} to {@code to} (both included) that have no rate of their own: interest over
     * them would carry an older rate on, which a letter must not claim.
     */
    public List<LocalDate> missingHalfYears(LocalDate from, LocalDate to) {
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate start = halfYearStart(from); !start.isAfter(to); start = start.plusMonths(6)) {
            if (!statutoryRates.containsKey(start)) {
                missing.add(start);
            }
        }
        return missing;
    }

    /**
     * Interest owed on {@code asOf} (included), rounded to the cent.
     *
     * @param contractualRate the customer's own yearly percent, or null for the statutory table
     */
    public BigDecimal interest(Lateness lateness, LocalDate asOf, BigDecimal contractualRate) {
        LocalDate firstDay = lateness.dueDate().plusDays(1);
        if (asOf.isBefore(firstDay)) {
            return BigDecimal.ZERO.setScale(2);
        }
        List<Settlement> settlements = new ArrayList<>(lateness.settlements());
        settlements.sort(Comparator.comparing(Settlement::date));
        BigDecimal owed = lateness.amount();
        int next = 0;
        BigDecimal interest = BigDecimal.ZERO;
        LocalDate day = firstDay;
        while (!day.isAfter(asOf)) {
            // Money received on or before a day stops interest on what it paid from that day.
            while (next < settlements.size() && !settlements.get(next).date().isAfter(day)) {
                owed = owed.subtract(settlements.get(next++).amount());
            }
            if (owed.signum() <= 0) {
                break;
            }
            LocalDate periodEnd = min(asOf, nextHalfYearStart(day).minusDays(1));
            if (next < settlements.size() && !settlements.get(next).date().isAfter(periodEnd)) {
                periodEnd = settlements.get(next).date().minusDays(1);
            }
            long days = ChronoUnit.DAYS.between(day, periodEnd) + 1;
            BigDecimal percent = contractualRate != null ? contractualRate : statutoryRate(day);
            interest = interest.add(owed.multiply(percent).multiply(BigDecimal.valueOf(days))
                    .divide(HUNDRED.multiply(DAYS_PER_YEAR), MathContext.DECIMAL128));
            day = periodEnd.plusDays(1);
        }
        return interest.setScale(2, RoundingMode.HALF_UP);
    }

    /** 1 January or 1 July: the day whose rate applies to {@code day}. */
    public static LocalDate halfYearStart(LocalDate day) {
        return LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
    }

    private static LocalDate nextHalfYearStart(LocalDate day) {
        return halfYearStart(day).plusMonths(6);
    }

    private static LocalDate min(LocalDate one, LocalDate other) {
        return one.isBefore(other) ? one : other;
    }
}
