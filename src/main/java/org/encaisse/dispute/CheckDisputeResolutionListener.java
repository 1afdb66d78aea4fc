package org.encaisse.dispute;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ResolveDispute: refuses a resolution that does not fit the invoice (the task
 * stays open and Tasklist shows why) and records who decided.
 */
@Component
class CheckDisputeResolutionListener implements TaskListener {

    private final DisputeDesk desk;
    private final IdentityService identity;

    CheckDisputeResolutionListener(DisputeDesk desk, IdentityService identity) {
        this.desk = desk;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        ResolutionInput input = ResolutionInput.of(task);
        desk.check(input.disputeId(), input.resolution(), input.creditNote(), input.corrected());
        Authentication current = identity.getCurrentAuthentication();
        String user = current != null ? current.getUserId() : task.getAssignee();
        task.setVariable(DisputeVariables.RESOLVED_BY, user);
    }
}
