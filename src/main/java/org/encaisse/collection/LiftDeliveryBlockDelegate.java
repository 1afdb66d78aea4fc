package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.encaisse.customer.CustomerDirectory;
import org.springframework.stereotype.Component;

/** Task_LiftDeliveryBlock: the balance is settled, deliveries resume if the case had blocked them. */
@Component
class LiftDeliveryBlockDelegate implements JavaDelegate {

    private final CustomerDirectory customers;

    LiftDeliveryBlockDelegate(CustomerDirectory customers) {
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable("blockDeliveries"))) {
            customers.blockDeliveries((Long) execution.getVariable(CaseVariables.CUSTOMER_ID), false);
        }
    }
}
