package org.encaisse.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How well collection works: what each level recovers, promises kept, disputes and how long they take. */
@Service
@Transactional(readOnly = true)
public class CollectionFigures {

    private final NamedParameterJdbcTemplate jdbc;

    CollectionFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per level, over the letters sent in [from, to]: the amount they chased (what their invoices
     * still owed when they went out) and the part of it paid since, by payments dated on or after
     * the letter; {@code rate} = paid / chased.
     */
    public record LevelRecovery(int level, long letters, BigDecimal chased, BigDecimal paidAfter, BigDecimal rate) {
    }

    public record PromiseRate(long kept, long broken, long open, BigDecimal keptRate) {
    }

    public record DisputeCategory(String category, long opened, long resolved, BigDecimal averageResolutionDays) {
    }

    public record CaseLevel(int level, long openCases) {
    }

    public List<LevelRecovery> recoveryByLevel(LocalDate from, LocalDate to, String currency) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", from.atStartOfDay())
                .addValue("to", to.plusDays(1).atStartOfDay()).addValue("currency", currency);
        return jdbc.query("""
                SELECT m.level, COUNT(DISTINCT m.id) AS letters, SUM(ci.outstanding) AS chased,
                       SUM(LEAST(ci.outstanding, COALESCE((
                           SELECT SUM(a.amount) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id
                           WHERE a.invoice_id = ci.invoice_id AND p.payment_date >= CAST(m.sent_at AS DATE)), 0))) AS paid
                FROM communication m JOIN communication_invoice ci ON ci.communication_id = m.id
                WHERE m.status = 'SENT' AND m.level >= 1 AND m.currency = :currency
                  AND m.sent_at >= :from AND m.sent_at < :to
                GROUP BY m.level ORDER BY m.level""", params, (row, i) -> {
            BigDecimal chased = row.getBigDecimal("chased");
            BigDecimal paid = row.getBigDecimal("paid");
            return new LevelRecovery(row.getInt("level"), row.getLong("letters"), chased, paid,
                    chased.signum() == 0 ? null : paid.divide(chased, 4, RoundingMode.HALF_UP));
        });
    }

    public PromiseRate promises(LocalDate from, LocalDate to) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*) AS promises FROM promise_to_pay WHERE promised_date >= :from"
                        + " AND promised_date <= :to GROUP BY status",
                new MapSqlParameterSource().addValue("from", from).addValue("to", to),
                row -> {
                    byStatus.put(row.getString("status"), row.getLong("promises"));
                });
        long kept = byStatus.getOrDefault("KEPT", 0L);
        long broken = byStatus.getOrDefault("BROKEN", 0L);
        return new PromiseRate(kept, broken, byStatus.getOrDefault("OPEN", 0L),
                kept + broken == 0 ? null : BigDecimal.valueOf(kept).divide(BigDecimal.valueOf(kept + broken), 4,
                        RoundingMode.HALF_UP));
    }

    /** Disputes opened in [from, to] by category; resolution time over those resolved, in days. */
    public List<DisputeCategory> disputes(LocalDate from, LocalDate to) {
        Map<String, List<Duration>> resolved = new TreeMap<>();
        Map<String, Long> opened = new TreeMap<>();
        jdbc.query("SELECT category, opened_at, resolved_at FROM dispute WHERE opened_at >= :from AND opened_at < :to",
                new MapSqlParameterSource().addValue("from", from.atStartOfDay()).addValue("to", to.plusDays(1).atStartOfDay()),
                row -> {
                    String category = row.getString("category");
                    opened.merge(category, 1L, Long::sum);
                    resolved.computeIfAbsent(category, c -> new ArrayList<>());
                    if (row.getTimestamp("resolved_at") != null) {
                        resolved.get(category).add(Duration.between(row.getTimestamp("opened_at").toInstant(),
                                row.getTimestamp("resolved_at").toInstant()));
                    }
                });
        List<DisputeCategory> categories = new ArrayList<>();
        opened.forEach((category, count) -> {
            List<Duration> times = resolved.get(category);
            BigDecimal average = times.isEmpty() ? null : BigDecimal.valueOf(
                    times.stream().mapToLong(Duration::toMinutes).average().orElse(0) / (24 * 60))
                    .setScale(1, RoundingMode.HALF_UP);
            categories.add(new DisputeCategory(category, count, times.size(), average));
        });
        return categories;
    }

    public List<CaseLevel> openCasesByLevel() {
        return jdbc.query("SELECT case_level, COUNT(*) AS cases FROM (" + AnalyticsFilter.OPEN_CASE_LEVELS
                        + ") open_cases GROUP BY case_level ORDER BY case_level", new MapSqlParameterSource(),
                (row, i) -> new CaseLevel(row.getInt("case_level"), row.getLong("cases")));
    }
}
