package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When Task_CallCustomer is created: writes the collector's briefing as a task-local variable for the form. */
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
        Long customerId = (Long) task.getVariable(CaseVariables.CUSTOMER_ID);
        task.setVariableLocal(CaseVariables.BRIEFING, briefing.of(customerId, calendar.today()));
    }
}
