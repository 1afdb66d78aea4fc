package org.encaisse.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindMissedInstallment: the immediate reminder after a missed installment. */
@Component
class RemindMissedInstallmentDelegate implements JavaDelegate {

    private final PaymentPlanDesk desk;

    RemindMissedInstallmentDelegate(PaymentPlanDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object sent = execution.getVariable(PlanVariables.MISSED_COUNT);
        int occurrence = sent == null ? 1 : ((Number) sent).intValue() + 1;
        desk.remindMissedInstallment((Long) execution.getVariable(PlanVariables.PLAN_ID), occurrence);
        execution.setVariable(PlanVariables.MISSED_COUNT, occurrence);
    }
}
