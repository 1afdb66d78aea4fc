package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AssessCase and Task_ReassessCase: counts the customer's overdue, undisputed invoices into
 * the case's {@code overdueInvoices}; at zero the "Solde réglé" event subprocess ends the case.
 */
@Component
class AssessCaseDelegate implements JavaDelegate {

    private final CollectionCases cases;
    private final CollectionCalendar calendar;

    AssessCaseDelegate(CollectionCases cases, CollectionCalendar calendar) {
        this.cases = cases;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long customerId = (Long) execution.getVariable(CaseVariables.CUSTOMER_ID);
        int overdue = cases.overdueInvoices(customerId, calendar.today());
        execution.getProcessInstance().setVariable(CaseVariables.OVERDUE_INVOICES, overdue);
    }
}
