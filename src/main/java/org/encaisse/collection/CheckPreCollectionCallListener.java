package org.encaisse.collection;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/** On completing Task_CallBeforeDueDate: a dispute needs its category; records who called. */
@Component
class CheckPreCollectionCallListener implements TaskListener {

    private static final Set<String> OUTCOMES = Set.of("FINE", "DISPUTE", "DIFFICULTY");

    private final TaskActor actor;

    CheckPreCollectionCallListener(TaskActor actor) {
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(CaseVariables.CALL_OUTCOME);
        if (outcome == null || !OUTCOMES.contains(outcome.toString())) {
            throw new RejectedTaskInputException("Choisissez le résultat de l'appel. / Choose the outcome of the call.");
        }
        if ("DISPUTE".equals(outcome) && task.getVariable(CaseVariables.DISPUTE_CATEGORY) == null) {
            throw new RejectedTaskInputException("Choisissez la catégorie du litige. / Choose the dispute category.");
        }
        task.setVariable(CaseVariables.CALLED_BY, actor.of(task));
    }
}
