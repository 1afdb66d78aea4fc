package org.encaisse.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EndPlanKept and Task_EndPlanBroken: the plan ends; what is still owed is chased again. */
@Component
class EndPaymentPlanDelegate implements JavaDelegate {

    private final PaymentPlanDesk desk;

    EndPaymentPlanDelegate(PaymentPlanDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean kept = "COMPLETE".equals(execution.getVariable(PlanVariables.STANDING));
        desk.end((Long) execution.getVariable(PlanVariables.PLAN_ID), kept);
        execution.setVariable(PlanVariables.OUTCOME, kept ? "KEPT" : "BROKEN");
    }
}
