package org.encaisse.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The aged balance ("balance âgée") at any day, in total and per customer, computed by the database. */
@Service
public class AgedBalanceReport {

    private static final RowMapper<AgedBalance.CustomerLine> LINE = (row, i) -> new AgedBalance.CustomerLine(
            row.getString("external_id"), row.getString("name"), row.getString("segment"), row.getString("risk_rating"),
            row.getString("sales_rep"), Bands.read(row), null);

    private static final String SNAPSHOT_COLUMNS = String.join(", ",
            java.util.Arrays.stream(Bands.COLUMNS.split(", ")).map(column -> "g." + column).toList());
    private static final String SNAPSHOT_SUMS = String.join(", ",
            java.util.Arrays.stream(Bands.COLUMNS.split(", ")).map(column -> "SUM(g." + column + ") AS " + column).toList());

    private final NamedParameterJdbcTemplate jdbc;
    private final AgingSnapshot snapshot;
    private final LimitationReport limitation;
    private final Clock clock;

    AgedBalanceReport(NamedParameterJdbcTemplate jdbc, AgingSnapshot snapshot, LimitationReport limitation, Clock clock) {
        this.limitation = limitation;
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.clock = clock;
    }

    /**
     * Today's from the running per-customer totals; another day's (or today's when
     * {@code fromInvoices}) summed from the invoices and the payments dated by then.
     *
     * @param limit how many customers to list, at most; 0 for none, negative for all
     */
    @Transactional
    public AgedBalance of(LocalDate asOf, AnalyticsFilter filter, int limit, boolean fromInvoices) {
        LocalDate today = LocalDate.now(clock);
        if (asOf.equals(today) && !fromInvoices) {
            return fromSnapshot(snapshot.current(), filter, limit);
        }
        return fromInvoices(asOf, filter, limit, !asOf.isBefore(today));
    }

    private AgedBalance fromSnapshot(LocalDate asOf, AnalyticsFilter filter, int limit) {
        MapSqlParameterSource params = AgingSql.dates(asOf, filter.currency());
        String conditions = filter.customerConditions(params);
        String from = " FROM customer_aging g" + (conditions.isEmpty() ? "" : " JOIN customer c ON c.id = g.customer_id")
                + " WHERE g.currency = :currency" + conditions;
        Totals totals = jdbc.queryForObject("SELECT COUNT(*) AS customers, " + SNAPSHOT_SUMS + from, params,
                (row, i) -> new Totals(row.getInt("customers"), Bands.read(row)));
        return new AgedBalance(asOf, filter.currency(), "snapshot", totals.bands(), totals.customers(),
                limit == 0 ? List.of() : topFromSnapshot(asOf, filter, limit));
    }

    /**
     * The largest overdue balances first, read down the (currency, overdue) index and stopped at
     * {@code limit}: a few rows read, however many customers there are.
     */
    List<AgedBalance.CustomerLine> topFromSnapshot(LocalDate asOf, AnalyticsFilter filter, int limit) {
        MapSqlParameterSource params = AgingSql.dates(asOf, filter.currency());
        return withSoonestLimitation(jdbc.query("SELECT c.external_id, c.name, c.segment, c.risk_rating, c.sales_rep, " + SNAPSHOT_COLUMNS
                + " FROM customer_aging g JOIN customer c ON c.id = g.customer_id WHERE g.currency = :currency"
                + filter.customerConditions(params) + " ORDER BY g.overdue DESC, g.customer_id DESC" + limit(limit),
                params, LINE));
    }

    /** Today's top debtors, from the running totals. */
    @Transactional
    public List<AgedBalance.CustomerLine> topDebtors(AnalyticsFilter filter, int limit) {
        return topFromSnapshot(snapshot.current(), filter, limit);
    }

    /**
     * Summed from the invoices: the totals in one pass shaped like the bare GROUP BY (no join
     * unless a filter needs the customer), the customers in another, grouped by id alone and joined
     * to their names only for the rows listed; that pass also counts them.
     */
    private AgedBalance fromInvoices(LocalDate asOf, AnalyticsFilter filter, int limit, boolean now) {
        MapSqlParameterSource params = AgingSql.dates(asOf, filter.currency());
        String from = AgingSql.owedInvoices(now, filter.customerConditions(params));
        String sums = AgingSql.bandSums(now ? AgingSql.OWED_NOW : AgingSql.OWED_AS_OF);
        Bands total = jdbc.queryForObject("SELECT " + sums + from, params, (row, i) -> Bands.read(row));
        if (limit == 0) {
            return new AgedBalance(asOf, filter.currency(), "invoices", total, null, List.of());
        }
        List<Integer> count = new java.util.ArrayList<>();
        List<AgedBalance.CustomerLine> lines = jdbc.query(
                "SELECT c.external_id, c.name, c.segment, c.risk_rating, c.sales_rep, t.* FROM ("
                        + "SELECT i.customer_id, " + sums + ", COUNT(*) OVER () AS customers" + from
                        + " GROUP BY i.customer_id ORDER BY overdue DESC, i.customer_id DESC" + limit(limit)
                        + ") t JOIN customer c ON c.id = t.customer_id ORDER BY t.overdue DESC, t.customer_id DESC",
                params, (row, i) -> {
                    count.add(row.getInt("customers"));
                    return LINE.mapRow(row, i);
                });
        return new AgedBalance(asOf, filter.currency(), "invoices", total, count.isEmpty() ? 0 : count.get(0),
                withSoonestLimitation(lines));
    }

    /** The expiry shown is today's: a debt's limitation date does not depend on the day the balance is asked for. */
    private List<AgedBalance.CustomerLine> withSoonestLimitation(List<AgedBalance.CustomerLine> lines) {
        var soonest = limitation.soonestByCustomer(lines.stream().map(AgedBalance.CustomerLine::externalId).toList());
        return lines.stream().map(line -> line.withSoonestLimitation(soonest.get(line.externalId()))).toList();
    }

    private static String limit(int limit) {
        return limit < 0 ? "" : " LIMIT " + limit;
    }

    private record Totals(int customers, Bands bands) {
    }
}
