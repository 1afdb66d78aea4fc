package org.encaisse.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The dates of L110-4, Code civil 2240-2243 and CPCE L111-4, without the application around them. */
class LimitationPeriodTests {

    private static final LocalDate DUE = LocalDate.of(2021, 3, 31);

    @Test
    void fiveYearsFromTheDueDateWithoutAnyAcknowledgment() {
        assertThat(LimitationPeriod.expiry(DUE, null, null, null)).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void anAcknowledgmentRestartsTheFiveYearsButNotOneBeforeTheDueDate() {
        assertThat(LimitationPeriod.expiry(DUE, LocalDate.of(2024, 2, 29), null, null)).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(LimitationPeriod.expiry(DUE, LocalDate.of(2021, 3, 1), null, null)).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void aPendingCourtClaimStandsTheClockStill() {
        assertThat(LimitationPeriod.expiry(DUE, LocalDate.of(2024, 2, 1), LocalDate.of(2025, 6, 2), null)).isNull();
    }

    @Test
    void anEnforceableTitleCanBeEnforcedForTenYears() {
        assertThat(LimitationPeriod.expiry(DUE, null, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 9, 15)))
                .isEqualTo(LocalDate.of(2035, 9, 15));
    }

    @Test
    void theInvoiceKeepsItsDateThroughAClaimFiledThenDropped() {
        Invoice invoice = new Invoice("F-1");
        invoice.update(1L, LocalDate.of(2021, 3, 1), DUE, new java.math.BigDecimal("100.00"), "EUR");
        assertThat(invoice.limitationDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        invoice.fileCourtClaim(LocalDate.of(2025, 6, 2));
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.IN_COURT);
        assertThat(invoice.limitationDate()).isNull();
        // Rejected or withdrawn: as if never filed (2243), so the date is the one it had, and the debt is chased again.
        invoice.dropCourtClaim();
        assertThat(invoice.limitationDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }
}
