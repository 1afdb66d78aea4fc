package org.encaisse.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseSettledPlans of the collection case: a plan the settled balance interrupted ends kept. */
@Component
class CloseSettledPlansDelegate implements JavaDelegate {

    private final PaymentPlanDesk desk;

    CloseSettledPlansDelegate(PaymentPlanDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        desk.closeForSettledCase(execution.getProcessInstanceId());
    }
}
