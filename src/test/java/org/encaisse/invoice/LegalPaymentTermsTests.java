package org.encaisse.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** L441-10 I: the latest due date is the latest of 60 days, end of month + 45 days, and 45 days then end of month. */
class LegalPaymentTermsTests {

    @Test
    void earlyInTheMonthTheEndOfMonthReadingAllowsMoreThanSixtyDays() {
        LocalDate issued = LocalDate.of(2026, 1, 10);
        // 60 days: 11 March; end of January + 45 days: 17 March; 45 days (24 February) then end of month: 28 February.
        assertThat(LegalPaymentTerms.latestDueDate(issued)).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(LegalPaymentTerms.exceeded(issued, LocalDate.of(2026, 3, 17))).isFalse();
        assertThat(LegalPaymentTerms.exceeded(issued, LocalDate.of(2026, 3, 18))).isTrue();
    }

    @Test
    void onTheLastDayOfAMonthSixtyDaysIsTheLatest() {
        LocalDate issued = LocalDate.of(2026, 1, 31);
        // 60 days: 1 April; end of January + 45 days: 17 March; 45 days (17 March) then end of month: 31 March.
        assertThat(LegalPaymentTerms.latestDueDate(issued)).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void lateInTheMonthFortyFiveDaysThenEndOfMonthIsTheLatest() {
        LocalDate issued = LocalDate.of(2026, 3, 20);
        // 60 days: 19 May; end of March + 45 days: 15 May; 45 days (4 May) then end of month: 31 May.
        assertThat(LegalPaymentTerms.latestDueDate(issued)).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(LegalPaymentTerms.exceeded(issued, LocalDate.of(2026, 6, 1))).isTrue();
    }

    @Test
    void thirtyDaysOrADueDateBeforeTheInvoiceIsNeverFlagged() {
        LocalDate issued = LocalDate.of(2026, 2, 15);
        assertThat(LegalPaymentTerms.exceeded(issued, issued.plusDays(30))).isFalse();
        assertThat(LegalPaymentTerms.exceeded(issued, issued)).isFalse();
    }
}
