package org.encaisse.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DraftPlan: the plan over the customer's overdue invoices, as the collector proposed it. */
@Component
class DraftPaymentPlanDelegate implements JavaDelegate {

    private final PaymentPlanDesk desk;

    DraftPaymentPlanDelegate(PaymentPlanDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PaymentPlan plan = desk.draft((Long) execution.getVariable("customerId"),
                (String) execution.getVariable("caseId"),
                ((Number) execution.getVariable(PlanVariables.INSTALLMENT_COUNT)).intValue(),
                java.time.LocalDate.parse(execution.getVariable(PlanVariables.FIRST_INSTALLMENT_DATE).toString().substring(0, 10)),
                (String) execution.getVariable(PlanVariables.PROPOSED_BY));
        execution.setVariable(PlanVariables.PLAN_ID, plan.getId());
        execution.setVariable(PlanVariables.PLAN_TOTAL, plan.getTotalAmount().doubleValue());
    }
}
