package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.encaisse.dispute.DisputeDesk;
import org.encaisse.dispute.DisputeRequest;
import org.springframework.stereotype.Component;

/** Task_OpenDispute: the invoice the customer contested on the call leaves the case for its own dispute path. */
@Component
class OpenDisputeFromCallDelegate implements JavaDelegate {

    private final DisputeDesk disputes;

    OpenDisputeFromCallDelegate(DisputeDesk disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CallOutcome outcome = CallOutcome.of(execution);
        disputes.open(new DisputeRequest(outcome.disputedInvoice(), outcome.disputeCategory(), outcome.disputeComment()),
                (String) execution.getVariable(CaseVariables.CALLED_BY));
    }
}
