package org.encaisse.court;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/** On completing Task_RecordOrderService: the order's service on the debtor opens the month to oppose it. */
@Component
class RecordOrderServiceListener implements TaskListener {

    private final InjunctionDesk desk;
    private final TaskActor actor;
    private final Clock clock;

    RecordOrderServiceListener(InjunctionDesk desk, TaskActor actor, Clock clock) {
        this.desk = desk;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        LocalDate servedOn = new TaskInput(task).pastDay("servedOn", "date de la signification / date of service",
                LocalDate.now(clock));
        InjunctionFiling filing = desk.recordService(task.getProcessInstanceId(), servedOn, actor.of(task));
        // The timer waits out the last day of opposition and fires the morning after.
        task.setVariable("oppositionDeadline", filing.getOppositionDeadline().toString());
    }
}
