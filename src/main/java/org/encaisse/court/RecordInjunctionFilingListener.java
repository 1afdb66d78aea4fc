package org.encaisse.court;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/** On completing Task_FileInjunctionRequest: where and when the request was lodged, which stops the limitation clock. */
@Component
class RecordInjunctionFilingListener implements TaskListener {

    private final InjunctionDesk desk;
    private final TaskActor actor;
    private final Clock clock;

    RecordInjunctionFilingListener(InjunctionDesk desk, TaskActor actor, Clock clock) {
        this.desk = desk;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String court = input.text("court", "tribunal de commerce / commercial court", true);
        LocalDate filedOn = input.pastDay("filedOn", "date du dépôt / filing date", LocalDate.now(clock));
        desk.file(task.getProcessInstanceId(), court, filedOn, actor.of(task));
    }
}
