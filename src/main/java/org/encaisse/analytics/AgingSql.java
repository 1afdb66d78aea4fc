package org.encaisse.analytics;

import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The aged balance as SQL: each invoice's amount owed falls into one band by comparing its due
 * date with the as-of day minus 30, 60, 90 and 120 days, so the database does the sums and no
 * invoice is loaded. Portable between H2 and MariaDB (no date arithmetic in SQL).
 */
final class AgingSql {

    private AgingSql() {
    }

    /** What an invoice owes now. */
    static final String OWED_NOW = "i.outstanding_amount";

    /** What an invoice owed at the end of :asOf: its amount, less credit notes and payments dated by then. */
    static final String OWED_AS_OF = "(i.amount - i.credited_amount - COALESCE(paid.amount, 0))";

    static final String PAID_BY_AS_OF = """
            LEFT JOIN (SELECT a.invoice_id, SUM(a.amount) AS amount FROM payment_allocation a
                       JOIN payment p ON p.id = a.payment_id WHERE p.payment_date <= :asOf
                       GROUP BY a.invoice_id) paid ON paid.invoice_id = i.id""";

    static String bandSums(String owed) {
        return """
                SUM(CASE WHEN i.due_date >= :asOf THEN %1$s ELSE 0 END) AS not_due,
                SUM(CASE WHEN i.due_date < :asOf AND i.due_date >= :d30 THEN %1$s ELSE 0 END) AS days_1_30,
                SUM(CASE WHEN i.due_date < :d30 AND i.due_date >= :d60 THEN %1$s ELSE 0 END) AS days_31_60,
                SUM(CASE WHEN i.due_date < :d60 AND i.due_date >= :d90 THEN %1$s ELSE 0 END) AS days_61_90,
                SUM(CASE WHEN i.due_date < :d90 AND i.due_date >= :d120 THEN %1$s ELSE 0 END) AS days_91_120,
                SUM(CASE WHEN i.due_date < :d120 THEN %1$s ELSE 0 END) AS over_120,
                SUM(%1$s) AS total,
                SUM(CASE WHEN i.due_date < :asOf THEN %1$s ELSE 0 END) AS overdue""".formatted(owed);
    }

    /**
     * FROM and WHERE over the invoices owed on {@code asOf} in the filter's currency; {@code now}
     * reads the running outstanding amounts, otherwise they are rebuilt from the payments dated by then.
     */
    static String owedInvoices(boolean now, String customerConditions) {
        String customers = customerConditions.isEmpty() ? "" : " JOIN customer c ON c.id = i.customer_id";
        if (now) {
            return " FROM invoice i" + customers + " WHERE i.currency = :currency"
                    + " AND i.outstanding_amount > 0" + customerConditions;
        }
        return " FROM invoice i" + customers + " " + PAID_BY_AS_OF
                + " WHERE i.currency = :currency AND i.issue_date <= :asOf AND " + OWED_AS_OF + " > 0" + customerConditions;
    }

    static MapSqlParameterSource dates(LocalDate asOf, String currency) {
        return new MapSqlParameterSource()
                .addValue("asOf", asOf)
                .addValue("d30", asOf.minusDays(30))
                .addValue("d60", asOf.minusDays(60))
                .addValue("d90", asOf.minusDays(90))
                .addValue("d120", asOf.minusDays(120))
                .addValue("currency", currency);
    }
}
