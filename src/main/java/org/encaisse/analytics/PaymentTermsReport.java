package org.encaisse.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.encaisse.invoice.LegalPaymentTerms;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoices issued with a due date beyond the legal cap (Code de commerce L441-10 I): the company
 * itself risks the administrative fine of L441-16 for them, so the credit manager sees them listed,
 * most recently issued first, whether paid or not.
 */
@Service
public class PaymentTermsReport {

    /** One invoice due too late, with the latest due date the law allowed and by how many days it is beyond. */
    public record Beyond(String number, String customerExternalId, String customerName, LocalDate issueDate,
                         LocalDate dueDate, LocalDate latestLegalDueDate, long daysBeyond, BigDecimal amount,
                         BigDecimal outstanding, String currency) {
    }

    public record Report(long count, List<Beyond> invoices) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    PaymentTermsReport(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Report beyondLegalTerms(int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE due_beyond_legal_terms = TRUE", params,
                Long.class);
        List<Beyond> invoices = jdbc.query("""
                SELECT i.number, c.external_id, c.name, i.issue_date, i.due_date, i.amount, i.outstanding_amount,
                       i.currency
                FROM invoice i JOIN customer c ON c.id = i.customer_id
                WHERE i.due_beyond_legal_terms = TRUE
                ORDER BY i.issue_date DESC, i.number
                LIMIT :limit""", params, (row, i) -> {
            LocalDate issued = row.getDate("issue_date").toLocalDate();
            LocalDate due = row.getDate("due_date").toLocalDate();
            LocalDate latest = LegalPaymentTerms.latestDueDate(issued);
            return new Beyond(row.getString("number"), row.getString("external_id"), row.getString("name"), issued, due,
                    latest, ChronoUnit.DAYS.between(latest, due), row.getBigDecimal("amount"),
                    row.getBigDecimal("outstanding_amount"), row.getString("currency"));
        });
        return new Report(count == null ? 0 : count, invoices);
    }
}
