package org.encaisse.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.encaisse.letter.LatePaymentInterest.Lateness;
import org.encaisse.letter.LatePaymentInterest.Settlement;
import org.junit.jupiter.api.Test;

/** Worked examples, each computed by hand in its comment. */
class LatePaymentInterestTests {

    private final LatePaymentInterest interest = new LatePaymentInterest(List.of(
            rate("2024-01-01", "14.50"), rate("2024-07-01", "14.25"), rate("2025-01-01", "13.15")));

    @Test
    void namesTheHalfYearsWithoutARateOfTheirOwn() {
        assertThat(interest.missingHalfYears(date("2023-11-20"), date("2025-08-03")))
                .containsExactly(date("2023-07-01"), date("2025-07-01"));
        assertThat(interest.missingHalfYears(date("2024-01-01"), date("2025-06-30"))).isEmpty();
        assertThat(interest.hasRateFor(date("2025-09-30"))).isFalse();
    }

    @Test
    void runsFromTheDayAfterTheDueDate() {
        // 10,000 x 14.50 % x 30 / 365 = 119.178... (1 to 30 June)
        Lateness unpaid = new Lateness(date("2024-05-31"), amount("10000.00"), List.of());
        assertThat(interest.interest(unpaid, date("2024-06-30"), null)).isEqualByComparingTo("119.18");
        assertThat(interest.interest(unpaid, date("2024-05-31"), null)).isEqualByComparingTo("0.00");
    }

    @Test
    void changesRateAtTheHalfYearAndFollowsAPartialPayment() {
        // 1-30 June:   10,000 x 14.50 % x 30 / 365 = 119.1781
        // 1-15 July:   10,000 x 14.25 % x 15 / 365 =  58.5616
        // 16 July-15 August, after 4,000 paid on 16 July:
        //              6,000 x 14.25 % x 31 / 365 =  72.6164
        // total 250.3561
        Lateness partlyPaid = new Lateness(date("2024-05-31"), amount("10000.00"),
                List.of(new Settlement(date("2024-07-16"), amount("4000.00"))));
        assertThat(interest.interest(partlyPaid, date("2024-08-15"), null)).isEqualByComparingTo("250.36");
    }

    @Test
    void crossesTheYearWithTheNewJanuaryRate() {
        // 2,500 x 14.25 % x 31 / 365 (December) + 2,500 x 13.15 % x 31 / 365 (January) = 30.2568 + 27.9212
        Lateness unpaid = new Lateness(date("2024-11-30"), amount("2500.00"), List.of());
        assertThat(interest.interest(unpaid, date("2025-01-31"), null)).isEqualByComparingTo("58.18");
    }

    @Test
    void stopsWhenPaidInFullAndIgnoresWhatWasPaidByTheDueDate() {
        // 1,000 paid on the due date, 2,000 on 11 June: 2,000 x 14.50 % x 10 / 365 = 7.9452, nothing after
        Lateness paidLate = new Lateness(date("2024-05-31"), amount("3000.00"), List.of(
                new Settlement(date("2024-06-11"), amount("2000.00")), new Settlement(date("2024-05-31"), amount("1000.00"))));
        assertThat(interest.interest(paidLate, date("2024-12-31"), null)).isEqualByComparingTo("7.95");
    }

    @Test
    void takesTheCustomersOwnRateOverTheTable() {
        // 10,000 x 12 % x 76 / 365 = 249.8630, whatever the half-years
        Lateness unpaid = new Lateness(date("2024-05-31"), amount("10000.00"), List.of());
        assertThat(interest.interest(unpaid, date("2024-08-15"), new BigDecimal("12"))).isEqualByComparingTo("249.86");
    }

    @Test
    void carriesTheLastRateOnButSaysItIsMissing() {
        assertThat(interest.statutoryRate(date("2026-03-01"))).isEqualByComparingTo("13.15");
        assertThat(interest.hasRateFor(date("2026-03-01"))).isFalse();
        assertThat(interest.hasRateFor(date("2024-09-30"))).isTrue();
        assertThatThrownBy(() -> interest.statutoryRate(date("2023-12-31")))
                .hasMessageContaining("No late-payment rate is configured for 2023-07-01");
    }

    private static LatePaymentRates.Rate rate(String from, String percent) {
        return new LatePaymentRates.Rate(date(from), new BigDecimal(percent));
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }
}
