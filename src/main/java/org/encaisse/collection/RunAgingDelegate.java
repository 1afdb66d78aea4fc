package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RunAging of AgingRunProcess: the daily aging, at the time its timer says. */
@Component
class RunAgingDelegate implements JavaDelegate {

    private final AgingRun agingRun;
    private final CollectionCalendar calendar;

    RunAgingDelegate(AgingRun agingRun, CollectionCalendar calendar) {
        this.agingRun = agingRun;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AgingRun.Result result = agingRun.run(calendar.today());
        execution.setVariable("casesOpened", result.opened());
        execution.setVariable("casesJoined", result.joined());
    }
}
