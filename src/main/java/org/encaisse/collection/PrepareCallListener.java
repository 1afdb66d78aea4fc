package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Writes the collector's briefing as a task-local variable for the form of Task_CallCustomer: when the task is
 * created, so that a collector choosing a call in Tasklist reads the account before claiming it, and again when
 * it is claimed or assigned, so that the collector who takes the call reads it as it stands then. A payment or a
 * credit in between rewrites it too ({@link TaskHeadlines}). History keeps each version: what the collector saw.
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
        if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() == null) {
            // Given back to the group: the last briefing stays, for the next collector to see until they claim it.
            return;
        }
        // A case started by hand (Cockpit, REST) may lack the customer: no briefing rather than an incident.
        if (task.getVariable(CaseVariables.CUSTOMER_ID) instanceof Number customerId) {
            task.setVariableLocal(CaseVariables.BRIEFING, briefing.of(customerId.longValue(), calendar.today()));
        }
    }
}
