package org.encaisse.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AssignDispute: records on the dispute which team the routing decision chose. */
@Component
class AssignDisputeDelegate implements JavaDelegate {

    private final DisputeDesk desk;

    AssignDisputeDelegate(DisputeDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long disputeId = (Long) execution.getVariable(DisputeVariables.DISPUTE_ID);
        String group = (String) execution.getVariable(DisputeVariables.RESOLVER_GROUP);
        desk.route(disputeId, group);
    }
}
