package org.encaisse.communication;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendCommunication: sends the communication, or drops it; output {@code deliveryOutcome}. */
@Component
class DeliverCommunicationDelegate implements JavaDelegate {

    private final CommunicationDelivery delivery;

    DeliverCommunicationDelegate(CommunicationDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long communicationId = (Long) execution.getVariable(DeliveryProcess.COMMUNICATION_ID);
        execution.setVariable("deliveryOutcome", delivery.deliver(communicationId).name());
    }
}
