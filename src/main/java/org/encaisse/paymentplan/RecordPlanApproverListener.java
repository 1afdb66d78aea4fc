package org.encaisse.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/** On completing Task_ApprovePlan: who decided, for the plan record and the auditors. */
@Component
class RecordPlanApproverListener implements TaskListener {

    private final TaskActor actor;

    RecordPlanApproverListener(TaskActor actor) {
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(PlanVariables.APPROVED_BY, actor.of(task));
    }
}
