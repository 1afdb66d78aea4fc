package org.encaisse.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AcknowledgeDispute: records the acknowledgement the customer receives. */
@Component
class AcknowledgeDisputeDelegate implements JavaDelegate {

    private final DisputeDesk desk;

    AcknowledgeDisputeDelegate(DisputeDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        desk.acknowledge((Long) execution.getVariable(DisputeVariables.DISPUTE_ID));
    }
}
