package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/** On completing Task_DecideAgencyHandoff: who decided, for the handoff record and the auditors. */
@Component
class RecordApproverListener implements TaskListener {

    private final TaskActor actor;

    RecordApproverListener(TaskActor actor) {
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getVariable(CaseVariables.AGENCY_APPROVED) == null) {
            throw new RejectedTaskInputException("Approuvez ou refusez la remise à l'agence. / Approve or refuse the handoff.");
        }
        task.setVariable(CaseVariables.APPROVED_BY, actor.of(task));
    }
}
