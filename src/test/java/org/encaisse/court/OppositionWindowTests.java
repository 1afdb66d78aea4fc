package org.encaisse.court;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** One month from service (CPC 1416), counted as CPC 641 and 642 count it. */
class OppositionWindowTests {

    @Test
    void endsOnTheSameDayOfTheNextMonth() {
        // Served Tuesday 3 November 2026: Thursday 3 December.
        assertThat(OppositionWindow.lastDay(LocalDate.of(2026, 11, 3))).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void endsOnTheLastDayOfAShorterMonth() {
        // 31 January 2028 + 1 month: 29 February 2028 (a Tuesday, leap year).
        assertThat(OppositionWindow.lastDay(LocalDate.of(2028, 1, 31))).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void runsOnPastAWeekendOrAPublicHoliday() {
        // 5 December 2026 + 1 month = Tuesday 5 January 2027; 1 December 2026 + 1 month = Friday 1 January 2027
        // (New Year's Day), then the weekend: Monday 4 January.
        assertThat(OppositionWindow.lastDay(LocalDate.of(2026, 12, 5))).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(OppositionWindow.lastDay(LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2027, 1, 4));
        // 14 June 2026 + 1 month = Tuesday 14 July (Bastille Day): 15 July.
        assertThat(OppositionWindow.lastDay(LocalDate.of(2026, 6, 14))).isEqualTo(LocalDate.of(2026, 7, 15));
    }
}
