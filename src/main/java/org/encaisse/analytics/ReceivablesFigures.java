package org.encaisse.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receivables turnover, average collection period and DSO. Receivables on a day are rebuilt from
 * the invoices issued by then less the payments dated by then, so past periods are stated as they
 * stood, whatever was paid since.
 */
@Service
public class ReceivablesFigures {

    private static final int COUNTBACK_MONTHS = 24;

    /** How many months the dashboard's DSO trend shows. */
    public static final int DASHBOARD_MONTHS = 12;

    private final NamedParameterJdbcTemplate jdbc;
    private final AgingSnapshot snapshot;
    private final Clock clock;

    ReceivablesFigures(NamedParameterJdbcTemplate jdbc, AgingSnapshot snapshot, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.clock = clock;
    }

    /**
     * Over [from, to]: sales, receivables the day before {@code from} and on {@code to}, turnover
     * = sales / average receivables, average collection period = days / turnover.
     */
    public record Turnover(LocalDate from, LocalDate to, long days, String currency, BigDecimal sales,
                           BigDecimal receivablesAtStart, BigDecimal receivablesAtEnd, BigDecimal averageReceivables,
                           BigDecimal turnover, BigDecimal averageCollectionDays, BigDecimal dsoSimple,
                           BigDecimal dsoCountback) {
    }

    /** One month of the trend: its end, sales, receivables then, DSO both ways. */
    public record MonthDso(LocalDate monthEnd, BigDecimal sales, BigDecimal receivables, BigDecimal dsoSimple,
                           BigDecimal dsoCountback) {
    }

    @Transactional(readOnly = true)
    public Turnover turnover(LocalDate from, LocalDate to, AnalyticsFilter filter) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        BigDecimal sales = sales(from, to, filter);
        BigDecimal start = receivablesOn(from.minusDays(1), filter);
        BigDecimal end = receivablesOn(to, filter);
        BigDecimal average = start.add(end).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        BigDecimal turnover = average.signum() == 0 ? null : sales.divide(average, 2, RoundingMode.HALF_UP);
        BigDecimal period = turnover == null || turnover.signum() == 0 ? null
                : BigDecimal.valueOf(days).divide(turnover, 1, RoundingMode.HALF_UP);
        BigDecimal simple = sales.signum() == 0 ? null
                : end.multiply(BigDecimal.valueOf(days)).divide(sales, 1, RoundingMode.HALF_UP);
        return new Turnover(from, to, days, filter.currency(), sales, start, end, average, turnover, period, simple,
                countback(to, end, filter));
    }

    /**
     * The DSO at each of the last {@code months} month ends, the current month counting to today.
     * Unfiltered, a closed month is computed once and kept in {@code receivables_month} (a payment
     * dated back into it later is not seen until that row is deleted); today's receivables come from
     * the running per-customer totals.
     */
    @Transactional
    public List<MonthDso> trend(int months, AnalyticsFilter filter) {
        LocalDate today = LocalDate.now(clock);
        boolean cached = filter.isAllCustomers();
        Map<YearMonth, MonthFigures> figures = new TreeMap<>();
        YearMonth current = YearMonth.from(today);
        for (YearMonth month = current.minusMonths(months + COUNTBACK_MONTHS - 1L); !month.isAfter(current);
                month = month.plusMonths(1)) {
            figures.put(month, null);
        }
        if (cached) {
            figures.putAll(storedMonths(filter.currency(), figures.keySet().iterator().next(), current));
        }
        for (Map.Entry<YearMonth, MonthFigures> entry : figures.entrySet()) {
            YearMonth month = entry.getKey();
            MonthFigures known = entry.getValue();
            boolean needsReceivables = !month.isBefore(current.minusMonths(months - 1L));
            if (known != null && (known.receivables() != null || !needsReceivables)) {
                continue;
            }
            LocalDate end = month.equals(current) ? today : month.atEndOfMonth();
            BigDecimal sales = known != null ? known.sales() : sales(month.atDay(1), end, filter);
            BigDecimal receivables = !needsReceivables ? null
                    : month.equals(current) && cached ? snapshotTotal(filter.currency()) : receivablesOn(end, filter);
            entry.setValue(new MonthFigures(sales, receivables));
            if (cached && !month.equals(current)) {
                store(month, filter.currency(), sales, receivables, known != null);
            }
        }
        List<MonthDso> trend = new ArrayList<>();
        for (YearMonth month = current.minusMonths(months - 1L); !month.isAfter(current); month = month.plusMonths(1)) {
            LocalDate end = month.equals(current) ? today : month.atEndOfMonth();
            MonthFigures these = figures.get(month);
            BigDecimal receivables = these.receivables() != null ? these.receivables() : receivablesOn(end, filter);
            long days = ChronoUnit.DAYS.between(month.atDay(1), end) + 1;
            BigDecimal simple = these.sales().signum() == 0 ? null
                    : receivables.multiply(BigDecimal.valueOf(days)).divide(these.sales(), 1, RoundingMode.HALF_UP);
            trend.add(new MonthDso(end, these.sales(), receivables, simple, countback(end, receivables, salesOf(figures))));
        }
        return trend;
    }

    /**
     * Computes and keeps the closed months the dashboard's trend shows (in each currency invoiced),
     * so that its first load of the day reads them; the nightly aging run calls it.
     */
    @Transactional
    public void warm() {
        for (String currency : jdbc.queryForList("SELECT DISTINCT currency FROM customer_aging",
                new MapSqlParameterSource(), String.class)) {
            trend(DASHBOARD_MONTHS, AnalyticsFilter.all(currency));
        }
    }

    private record MonthFigures(BigDecimal sales, BigDecimal receivables) {
    }

    private static Map<YearMonth, BigDecimal> salesOf(Map<YearMonth, MonthFigures> figures) {
        Map<YearMonth, BigDecimal> sales = new TreeMap<>();
        figures.forEach((month, these) -> sales.put(month, these.sales()));
        return sales;
    }

    private Map<YearMonth, MonthFigures> storedMonths(String currency, YearMonth from, YearMonth current) {
        Map<YearMonth, MonthFigures> stored = new TreeMap<>();
        jdbc.query("SELECT month_end, sales, receivables FROM receivables_month WHERE currency = :currency"
                        + " AND month_end >= :from AND month_end < :current",
                new MapSqlParameterSource().addValue("currency", currency).addValue("from", from.atDay(1))
                        .addValue("current", current.atDay(1)),
                row -> {
                    stored.put(YearMonth.from(row.getDate("month_end").toLocalDate()),
                            new MonthFigures(row.getBigDecimal("sales"), row.getBigDecimal("receivables")));
                });
        return stored;
    }

    /** A closed month's figures, once; receivables only for the months a trend showed. */
    private void store(YearMonth month, String currency, BigDecimal sales, BigDecimal receivables, boolean exists) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("end", month.atEndOfMonth())
                .addValue("currency", currency).addValue("sales", sales).addValue("receivables", receivables)
                .addValue("now", now(clock));
        jdbc.update(exists
                ? "UPDATE receivables_month SET receivables = :receivables, computed_at = :now"
                        + " WHERE month_end = :end AND currency = :currency"
                : "INSERT INTO receivables_month (month_end, currency, sales, receivables, computed_at)"
                        + " VALUES (:end, :currency, :sales, :receivables, :now)", params);
    }

    /** Today's receivables from the running totals, rebuilt first when they count from another day. */
    private BigDecimal snapshotTotal(String currency) {
        snapshot.current();
        return orZero(jdbc.queryForObject("SELECT SUM(total) FROM customer_aging WHERE currency = :currency",
                new MapSqlParameterSource("currency", currency), BigDecimal.class));
    }

    /**
     * Countback DSO on {@code day}: the receivables are matched against the sales of the most recent
     * days, month by month backwards; the DSO is how many days of sales they amount to.
     */
    BigDecimal countback(LocalDate day, BigDecimal receivables, AnalyticsFilter filter) {
        return countback(day, receivables, monthlySales(
                YearMonth.from(day).minusMonths(COUNTBACK_MONTHS - 1L).atDay(1), day, filter));
    }

    static BigDecimal countback(LocalDate day, BigDecimal receivables, Map<YearMonth, BigDecimal> monthly) {
        BigDecimal left = receivables;
        BigDecimal days = BigDecimal.ZERO;
        YearMonth month = YearMonth.from(day);
        for (int i = 0; i < COUNTBACK_MONTHS && left.signum() > 0; i++, month = month.minusMonths(1)) {
            LocalDate start = month.atDay(1);
            LocalDate end = month.equals(YearMonth.from(day)) ? day : month.atEndOfMonth();
            BigDecimal monthDays = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end) + 1);
            BigDecimal sales = monthly.getOrDefault(month, BigDecimal.ZERO);
            if (left.compareTo(sales) >= 0) {
                days = days.add(monthDays);
                left = left.subtract(sales);
            } else {
                days = days.add(monthDays.multiply(left).divide(sales, MathContext.DECIMAL64));
                left = BigDecimal.ZERO;
            }
        }
        return days.setScale(1, RoundingMode.HALF_UP);
    }

    /** Net sales invoiced over [from, to]: amounts less credit notes. */
    BigDecimal sales(LocalDate from, LocalDate to, AnalyticsFilter filter) {
        MapSqlParameterSource params = params(filter).addValue("from", from).addValue("to", to);
        String conditions = filter.customerConditions(params);
        BigDecimal sales = jdbc.queryForObject("SELECT SUM(i.amount - i.credited_amount) FROM invoice i"
                + (conditions.isEmpty() ? "" : " JOIN customer c ON c.id = i.customer_id") + " WHERE i.currency = :currency"
                + " AND i.issue_date >= :from AND i.issue_date <= :to" + conditions, params, BigDecimal.class);
        return orZero(sales);
    }

    /** What customers owed at the end of {@code day}. */
    BigDecimal receivablesOn(LocalDate day, AnalyticsFilter filter) {
        MapSqlParameterSource params = params(filter).addValue("asOf", day);
        BigDecimal owed = jdbc.queryForObject("SELECT SUM(" + AgingSql.OWED_AS_OF + ") FROM invoice i"
                + " JOIN customer c ON c.id = i.customer_id " + AgingSql.PAID_BY_AS_OF
                + " WHERE i.currency = :currency AND i.issue_date <= :asOf" + filter.customerConditions(params),
                params, BigDecimal.class);
        return orZero(owed);
    }

    private Map<YearMonth, BigDecimal> monthlySales(LocalDate from, LocalDate to, AnalyticsFilter filter) {
        MapSqlParameterSource params = params(filter).addValue("from", from).addValue("to", to);
        Map<YearMonth, BigDecimal> monthly = new TreeMap<>();
        jdbc.query("SELECT EXTRACT(YEAR FROM i.issue_date) AS y, EXTRACT(MONTH FROM i.issue_date) AS m,"
                + " SUM(i.amount - i.credited_amount) AS sales FROM invoice i JOIN customer c ON c.id = i.customer_id"
                + " WHERE i.currency = :currency AND i.issue_date >= :from AND i.issue_date <= :to"
                + filter.customerConditions(params)
                + " GROUP BY EXTRACT(YEAR FROM i.issue_date), EXTRACT(MONTH FROM i.issue_date)", params,
                row -> {
                    monthly.put(YearMonth.of(row.getInt("y"), row.getInt("m")), row.getBigDecimal("sales"));
                });
        return monthly;
    }

    private static MapSqlParameterSource params(AnalyticsFilter filter) {
        return new MapSqlParameterSource().addValue("currency", filter.currency());
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
    }

    static Timestamp now(Clock clock) {
        return Timestamp.from(clock.instant());
    }
}
