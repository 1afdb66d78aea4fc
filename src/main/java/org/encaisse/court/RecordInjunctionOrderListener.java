package org.encaisse.court;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/** On completing Task_RecordInjunctionOrder: the judge's answer, which the case's next gateway reads. */
@Component
class RecordInjunctionOrderListener implements TaskListener {

    private final InjunctionDesk desk;
    private final TaskActor actor;
    private final Clock clock;

    RecordInjunctionOrderListener(InjunctionDesk desk, TaskActor actor, Clock clock) {
        this.desk = desk;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        boolean granted = "GRANTED".equals(input.choice("orderDecision", "décision du juge / the judge's decision",
                "GRANTED", "REJECTED"));
        LocalDate day = input.pastDay("orderDate", "date de l'ordonnance / date of the order", LocalDate.now(clock));
        desk.recordOrder(task.getProcessInstanceId(), granted, day, input.text("orderReference", "référence", false),
                actor.of(task));
        task.setVariable("orderGranted", granted);
    }
}
