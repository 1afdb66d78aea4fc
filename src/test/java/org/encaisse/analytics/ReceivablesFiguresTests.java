package org.encaisse.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Countback DSO worked by hand. */
class ReceivablesFiguresTests {

    @Test
    void receivablesWithinTheLastMonthsSalesCountItsDaysInProportion() {
        // 15,000 owed on 30 June, June's sales 30,000: half of June's 30 days.
        assertThat(ReceivablesFigures.countback(LocalDate.of(2026, 6, 30), new BigDecimal("15000"),
                Map.of(YearMonth.of(2026, 6), new BigDecimal("30000")))).isEqualByComparingTo("15.0");
    }

    @Test
    void receivablesBeyondAMonthsSalesReachIntoThePreviousMonths() {
        // 25,000 owed: June's 10,000 (30 days), May's 10,000 (31 days), then half of April's 10,000 (15 of 30).
        Map<YearMonth, BigDecimal> sales = Map.of(YearMonth.of(2026, 6), new BigDecimal("10000"),
                YearMonth.of(2026, 5), new BigDecimal("10000"), YearMonth.of(2026, 4), new BigDecimal("10000"));
        assertThat(ReceivablesFigures.countback(LocalDate.of(2026, 6, 30), new BigDecimal("25000"), sales))
                .isEqualByComparingTo("76.0");
    }

    @Test
    void aMonthInProgressCountsItsDaysSoFar() {
        // On 10 June, 5,000 owed against 10,000 sold in June so far: half of 10 days.
        assertThat(ReceivablesFigures.countback(LocalDate.of(2026, 6, 10), new BigDecimal("5000"),
                Map.of(YearMonth.of(2026, 6), new BigDecimal("10000")))).isEqualByComparingTo("5.0");
    }
}
