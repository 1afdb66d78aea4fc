package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.encaisse.customer.CustomerDirectory;
import org.springframework.stereotype.Component;

/** Task_BlockDeliveries: the credit manager decided to stop deliveries to the customer. */
@Component
class BlockDeliveriesDelegate implements JavaDelegate {

    private final CustomerDirectory customers;

    BlockDeliveriesDelegate(CustomerDirectory customers) {
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        customers.blockDeliveries((Long) execution.getVariable(CaseVariables.CUSTOMER_ID), true);
    }
}
