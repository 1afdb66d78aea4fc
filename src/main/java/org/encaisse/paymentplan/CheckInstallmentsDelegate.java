package org.encaisse.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckInstallments and Task_RecheckInstallments: the installments due so far against the payments. */
@Component
class CheckInstallmentsDelegate implements JavaDelegate {

    private final PaymentPlanDesk desk;

    CheckInstallmentsDelegate(PaymentPlanDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long planId = (Long) execution.getVariable(PlanVariables.PLAN_ID);
        execution.setVariable(PlanVariables.STANDING, desk.check(planId).name());
        execution.setVariable(PlanVariables.NEXT_INSTALLMENT_DATE, desk.nextDueDate(planId));
    }
}
