package org.encaisse.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartPlan: agreement letter recorded, invoices out of the reminders. */
@Component
class StartPaymentPlanDelegate implements JavaDelegate {

    private final PaymentPlanDesk desk;

    StartPaymentPlanDelegate(PaymentPlanDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long planId = (Long) execution.getVariable(PlanVariables.PLAN_ID);
        desk.start(planId, (String) execution.getVariable(PlanVariables.APPROVED_BY));
        execution.setVariable(PlanVariables.NEXT_INSTALLMENT_DATE, desk.nextDueDate(planId));
    }
}
