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
            row.getString("sales_rep"), Bands.read(row));

    private final NamedParameterJdbcTemplate jdbc;
    private final AgingSnapshot snapshot;
    private final Clock clock;

    AgedBalanceReport(NamedParameterJdbcTemplate jdbc, AgingSnapshot snapshot, Clock clock) {
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
        String where = " FROM customer_aging g JOIN customer c ON c.id = g.customer_id WHERE g.currency = :currency"
                + filter.customerConditions(params);
        String sums = String.join(", ", java.util.Arrays.stream(Bands.COLUMNS.split(", "))
                .map(column -> "SUM(g." + column + ") AS " + column).toList());
        Totals totals = jdbc.queryForObject("SELECT COUNT(*) AS customers, " + sums + where, params,
                (row, i) -> new Totals(row.getInt("customers"), Bands.read(row)));
        List<AgedBalance.CustomerLine> lines = limit == 0 ? List.of() : jdbc.query(
                "SELECT c.external_id, c.name, c.segment, c.risk_rating, c.sales_rep, "
                        + String.join(", ", java.util.Arrays.stream(Bands.COLUMNS.split(", ")).map(col -> "g." + col).toList())
                        + where + " ORDER BY g.overdue DESC, g.total DESC, c.external_id" + limit(limit), params, LINE);
        return new AgedBalance(asOf, filter.currency(), "snapshot", totals.bands(), totals.customers(), lines);
    }

    private AgedBalance fromInvoices(LocalDate asOf, AnalyticsFilter filter, int limit, boolean now) {
        MapSqlParameterSource params = AgingSql.dates(asOf, filter.currency());
        String from = AgingSql.owedInvoices(now, filter.customerConditions(params));
        String sums = AgingSql.bandSums(now ? AgingSql.OWED_NOW : AgingSql.OWED_AS_OF);
        Totals totals = jdbc.queryForObject("SELECT COUNT(DISTINCT i.customer_id) AS customers, " + sums + from, params,
                (row, i) -> new Totals(row.getInt("customers"), Bands.read(row)));
        List<AgedBalance.CustomerLine> lines = limit == 0 ? List.of() : jdbc.query(
                "SELECT c.external_id, c.name, c.segment, c.risk_rating, c.sales_rep, " + sums + from
                        + " GROUP BY c.id, c.external_id, c.name, c.segment, c.risk_rating, c.sales_rep"
                        + " ORDER BY overdue DESC, total DESC, c.external_id" + limit(limit), params, LINE);
        return new AgedBalance(asOf, filter.currency(), "invoices", totals.bands(), totals.customers(), lines);
    }

    private static String limit(int limit) {
        return limit < 0 ? "" : " LIMIT " + limit;
    }

    private record Totals(int customers, Bands bands) {
    }
}
