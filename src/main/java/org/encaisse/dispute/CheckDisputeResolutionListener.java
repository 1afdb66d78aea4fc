package org.encaisse.dispute;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ResolveDispute: refuses a resolution that does not fit the invoice (the task
 * stays open and Tasklist shows why) and records who decided.
 */
@Component
class CheckDisputeResolutionListener implements TaskListener {

    private final DisputeDesk desk;
    private final TaskActor actor;

    CheckDisputeResolutionListener(DisputeDesk desk, TaskActor actor) {
        this.desk = desk;
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        ResolutionInput input = ResolutionInput.of(task);
        desk.check(input.disputeId(), input.resolution(), input.creditNote(), input.corrected());
        task.setVariable(DisputeVariables.RESOLVED_BY, actor.of(task));
    }
}
