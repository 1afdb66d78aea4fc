package org.encaisse.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RejectPlan: the credit manager refused the plan. */
@Component
class RejectPaymentPlanDelegate implements JavaDelegate {

    private final PaymentPlanDesk desk;

    RejectPaymentPlanDelegate(PaymentPlanDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        desk.reject((Long) execution.getVariable(PlanVariables.PLAN_ID));
        execution.setVariable(PlanVariables.OUTCOME, "REJECTED");
    }
}
