package org.encaisse.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Amounts by aging band: not yet due, then by days past the due date. {@code overdue} is everything
 * past due, the amount at risk the lists are sorted by.
 */
public record Bands(BigDecimal notDue, BigDecimal days1to30, BigDecimal days31to60, BigDecimal days61to90,
                    BigDecimal days91to120, BigDecimal over120, BigDecimal total, BigDecimal overdue) {

    static final Bands ZERO = new Bands(zero(), zero(), zero(), zero(), zero(), zero(), zero(), zero());

    /** The band columns, in the order the SQL of {@link AgingSql} selects them. */
    static final String COLUMNS = "not_due, days_1_30, days_31_60, days_61_90, days_91_120, over_120, total, overdue";

    static Bands read(ResultSet row) throws SQLException {
        return new Bands(amount(row, "not_due"), amount(row, "days_1_30"), amount(row, "days_31_60"),
                amount(row, "days_61_90"), amount(row, "days_91_120"), amount(row, "over_120"), amount(row, "total"),
                amount(row, "overdue"));
    }

    private static BigDecimal amount(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? zero() : value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
