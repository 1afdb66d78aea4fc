package org.encaisse.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ApplyResolution: credits or corrects the invoice, or lets it rejoin the case as issued. */
@Component
class ApplyDisputeResolutionDelegate implements JavaDelegate {

    private final DisputeDesk desk;

    ApplyDisputeResolutionDelegate(DisputeDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ResolutionInput input = ResolutionInput.of(execution);
        desk.resolve(input.disputeId(), input.resolution(), input.creditNote(), input.corrected(), input.comment(),
                (String) execution.getVariable(DisputeVariables.RESOLVED_BY));
    }
}
