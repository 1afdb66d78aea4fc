package org.encaisse.analytics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The debts still owed whose claim expires within some months (or has expired): five years after their due
 * date or the debtor's last acknowledgment (LimitationPeriod, kept on the invoice), soonest first, so that the
 * credit manager obtains an acknowledgment or goes to court before the claim dies.
 */
@Service
public class LimitationReport {

    public record Expiring(String number, String customerExternalId, String customerName, LocalDate dueDate,
                           LocalDate acknowledgedOn, LocalDate limitationDate, BigDecimal outstanding, String currency) {
    }

    /** Owed, or contested but dying all the same. */
    private static final String OWED = "'OPEN', 'PARTIALLY_PAID', 'IN_PLAN', 'AT_AGENCY', 'IN_COURT', 'DISPUTED'";

    private final NamedParameterJdbcTemplate jdbc;

    LimitationReport(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Those whose limitation date is on or before {@code until}; a disputed debt dies all the same. */
    @Transactional(readOnly = true)
    public List<Expiring> expiringBy(LocalDate until, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("until", until).addValue("limit", limit);
        return jdbc.query("SELECT i.number, c.external_id, c.name, i.due_date, i.acknowledged_on, i.limitation_date,"
                + " i.outstanding_amount, i.currency FROM invoice i JOIN customer c ON c.id = i.customer_id"
                + " WHERE i.limitation_date <= :until AND i.outstanding_amount > 0 AND i.status IN (" + OWED + ")"
                + " ORDER BY i.limitation_date, i.number LIMIT :limit", params, (row, i) -> {
            Date acknowledged = row.getDate("acknowledged_on");
            return new Expiring(row.getString("number"), row.getString("external_id"), row.getString("name"),
                    row.getDate("due_date").toLocalDate(), acknowledged == null ? null : acknowledged.toLocalDate(),
                    row.getDate("limitation_date").toLocalDate(), row.getBigDecimal("outstanding_amount"),
                    row.getString("currency"));
        });
    }

    /**
     * The soonest limitation date among each customer's debts still owed, by external id: the aged balance shows
     * it beside the amounts. Read per customer listed, or in one pass over the owed invoices for a long list.
     */
    @Transactional(readOnly = true)
    public Map<String, LocalDate> soonestByCustomer(Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        boolean everyOne = externalIds.size() > 1000;
        MapSqlParameterSource params = new MapSqlParameterSource("ids", externalIds);
        Map<String, LocalDate> soonest = new HashMap<>();
        jdbc.query("SELECT c.external_id, MIN(i.limitation_date) AS soonest"
                + " FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE i.outstanding_amount > 0 AND i.limitation_date IS NOT NULL AND i.status IN (" + OWED + ")"
                + (everyOne ? "" : " AND c.external_id IN (:ids)") + " GROUP BY c.external_id", params, row -> {
            soonest.put(row.getString("external_id"), row.getDate("soonest").toLocalDate());
        });
        return soonest;
    }
}
