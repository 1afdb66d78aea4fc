package org.encaisse.analytics;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which customers a figure covers, in one currency: a segment, a risk rating, a sales rep, the
 * level their open case has reached ({@code none} for customers without an open case), whether a credit insurer
 * covers them ({@code insured}: a cover granted or reduced, not withdrawn). Blank means all.
 */
public record AnalyticsFilter(String currency, String segment, String riskRating, String salesRep, String level,
                              Boolean insured) {

    /** A filter that does not look at credit insurance. */
    public AnalyticsFilter(String currency, String segment, String riskRating, String salesRep, String level) {
        this(currency, segment, riskRating, salesRep, level, null);
    }

    public AnalyticsFilter {
        currency = currency == null || currency.isBlank() ? "EUR" : currency.strip().toUpperCase(java.util.Locale.ROOT);
        segment = blankToNull(segment);
        riskRating = riskRating == null || riskRating.isBlank() ? null : riskRating.strip().toUpperCase(java.util.Locale.ROOT);
        salesRep = blankToNull(salesRep);
        level = blankToNull(level);
    }

    boolean isAllCustomers() {
        return segment == null && riskRating == null && salesRep == null && level == null && insured == null;
    }

    static AnalyticsFilter all(String currency) {
        return new AnalyticsFilter(currency, null, null, null, null);
    }

    /**
     * The open collection cases and the level each reached: the highest level of the letters it
     * recorded, 0 before the first. Read from the engine's runtime tables, whose names are stable.
     */
    static final String OPEN_CASE_LEVELS = """
            SELECT e.BUSINESS_KEY_ AS external_id, COALESCE(MAX(m.level), 0) AS case_level
            FROM ACT_RU_EXECUTION e
            JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_ AND d.KEY_ = 'CollectionCaseProcess'
            LEFT JOIN communication m ON m.case_id = e.ID_
            WHERE e.ID_ = e.PROC_INST_ID_
            GROUP BY e.BUSINESS_KEY_""";

    /** Conditions on the customer table aliased {@code c}, each starting with AND; parameters added to {@code params}. */
    String customerConditions(MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder();
        Map.of("segment", segment == null ? "" : segment, "risk_rating", riskRating == null ? "" : riskRating,
                "sales_rep", salesRep == null ? "" : salesRep).forEach((column, value) -> {
            if (!value.isEmpty()) {
                sql.append(" AND c.").append(column).append(" = :").append(column);
                params.addValue(column, value);
            }
        });
        if (insured != null) {
            sql.append(insured ? " AND" : " AND NOT").append(" EXISTS (SELECT 1 FROM insurance_cover ic WHERE ic.customer_id = c.id")
                    .append(" AND ic.state <> 'WITHDRAWN')");
        }
        if (level != null) {
            if (level.equalsIgnoreCase("none")) {
                sql.append(" AND c.external_id NOT IN (SELECT external_id FROM (").append(OPEN_CASE_LEVELS).append(") open_cases)");
            } else {
                sql.append(" AND c.external_id IN (SELECT external_id FROM (").append(OPEN_CASE_LEVELS)
                        .append(") open_cases WHERE case_level = :case_level)");
                params.addValue("case_level", caseLevel());
            }
        }
        return sql.toString();
    }

    private int caseLevel() {
        try {
            int value = Integer.parseInt(level);
            if (value < 0 || value > 4) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("level must be none or a collection level from 0 to 4, not '" + level + "'");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
