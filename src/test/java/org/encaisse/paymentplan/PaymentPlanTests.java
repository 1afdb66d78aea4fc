package org.encaisse.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PaymentPlanTests {

    private static final LocalDate FIRST = LocalDate.of(2026, 12, 5);

    @Test
    void splitsTheTotalIntoMonthlyInstallmentsWithTheRoundingOnTheLast() {
        PaymentPlan plan = plan("1000.00", 3);
        assertThat(plan.getInstallments()).extracting(Installment::getDueDate)
                .containsExactly(FIRST, FIRST.plusMonths(1), FIRST.plusMonths(2));
        assertThat(plan.getInstallments()).extracting(i -> i.getAmount().toPlainString())
                .containsExactly("333.33", "333.33", "333.34");
    }

    @Test
    void paymentsCoverInstallmentsInOrder() {
        PaymentPlan plan = plan("900.00", 3);
        assertThat(plan.settleUpTo(FIRST.plusMonths(1), new BigDecimal("600.00"))).isNull();
        assertThat(plan.getInstallments()).extracting(Installment::getStatus)
                .containsExactly(Installment.Status.PAID, Installment.Status.PAID, Installment.Status.PENDING);
        assertThat(plan.nextPending().getDueDate()).isEqualTo(FIRST.plusMonths(2));
    }

    @Test
    void aShortfallMarksTheInstallmentMissed() {
        PaymentPlan plan = plan("900.00", 3);
        Installment missed = plan.settleUpTo(FIRST.plusMonths(1), new BigDecimal("450.00"));
        assertThat(missed.getDueDate()).isEqualTo(FIRST.plusMonths(1));
        assertThat(plan.getInstallments().get(0).getStatus()).isEqualTo(Installment.Status.PAID);
    }

    @Test
    void aLatePaymentCatchesUp() {
        PaymentPlan plan = plan("900.00", 3);
        plan.settleUpTo(FIRST, BigDecimal.ZERO);
        assertThat(plan.settleUpTo(FIRST.plusDays(8), new BigDecimal("300.00"))).isNull();
        assertThat(plan.getInstallments().get(0).getStatus()).isEqualTo(Installment.Status.PAID);
    }

    private static PaymentPlan plan(String total, int count) {
        return new PaymentPlan(1L, "case", List.of(10L, 11L), new BigDecimal(total), "EUR", count, FIRST, "marie");
    }
}
