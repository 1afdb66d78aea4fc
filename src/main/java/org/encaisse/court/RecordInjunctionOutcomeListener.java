package org.encaisse.court;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/** On completing Task_RecordInjunctionOutcome: whether the debtor opposed, and what was recovered. */
@Component
class RecordInjunctionOutcomeListener implements TaskListener {

    private final InjunctionDesk desk;
    private final TaskActor actor;

    RecordInjunctionOutcomeListener(InjunctionDesk desk, TaskActor actor) {
        this.desk = desk;
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        desk.close(task.getProcessInstanceId(), input.flag("oppositionFiled"),
                input.amount("injunctionRecovered", "montant recouvré / amount recovered"), actor.of(task));
    }
}
