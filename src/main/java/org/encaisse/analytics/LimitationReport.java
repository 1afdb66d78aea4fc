package org.encaisse.analytics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.encaisse.invoice.LimitationPeriod;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The debts still owed whose claim expires within some months (or has expired): five years after their due
 * date or the debtor's last acknowledgment (LimitationPeriod), soonest first, so that the credit manager
 * obtains an acknowledgment or goes to court before the claim dies.
 */
@Service
public class LimitationReport {

    public record Expiring(String number, String customerExternalId, String customerName, LocalDate dueDate,
                           LocalDate acknowledgedOn, LocalDate limitationDate, BigDecimal outstanding, String currency) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    LimitationReport(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Those whose limitation date is on or before {@code until}. */
    @Transactional(readOnly = true)
    public List<Expiring> expiringBy(LocalDate until, int limit) {
        // max(due date, acknowledgment) + 5 years <= until, said without date arithmetic in SQL.
        LocalDate latestStart = until.minusYears(LimitationPeriod.YEARS);
        MapSqlParameterSource params = new MapSqlParameterSource("latestStart", latestStart).addValue("limit", limit);
        return jdbc.query("""
                SELECT i.number, c.external_id, c.name, i.due_date, i.acknowledged_on, i.outstanding_amount, i.currency
                FROM invoice i JOIN customer c ON c.id = i.customer_id
                WHERE i.status IN ('OPEN', 'PARTIALLY_PAID', 'IN_PLAN', 'AT_AGENCY') AND i.outstanding_amount > 0
                  AND i.due_date <= :latestStart AND (i.acknowledged_on IS NULL OR i.acknowledged_on <= :latestStart)
                ORDER BY CASE WHEN i.acknowledged_on > i.due_date THEN i.acknowledged_on ELSE i.due_date END, i.number
                LIMIT :limit""", params, (row, i) -> {
            LocalDate due = row.getDate("due_date").toLocalDate();
            Date acknowledged = row.getDate("acknowledged_on");
            LocalDate acknowledgedOn = acknowledged == null ? null : acknowledged.toLocalDate();
            return new Expiring(row.getString("number"), row.getString("external_id"), row.getString("name"), due,
                    acknowledgedOn, LimitationPeriod.expiry(due, acknowledgedOn), row.getBigDecimal("outstanding_amount"),
                    row.getString("currency"));
        });
    }
}
