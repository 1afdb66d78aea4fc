package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When Task_CallCustomer is claimed or assigned: writes the collector's briefing as a task-local
 * variable for the form. Written then rather than when the task is created, it shows the account as
 * it stands when the collector takes the call (a payment or a letter of the days between included),
 * and the daily job that creates thousands of call tasks does not write thousands of briefings that
 * would be stale by the time anyone reads them. History keeps each version: what the collector saw.
 */
@Component
class PrepareCallListener implements TaskListener {

    private final CallBriefing briefing;
    private final CollectionCalendar calendar;

    PrepareCallListener(CallBriefing briefing, CollectionCalendar calendar) {
        this.briefing = briefing;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() == null) {
            // Given back to the group: the last briefing stays, for the next collector to see until they claim it.
            return;
        }
        Long customerId = (Long) task.getVariable(CaseVariables.CUSTOMER_ID);
        task.setVariableLocal(CaseVariables.BRIEFING, briefing.of(customerId, calendar.today()));
    }
}
