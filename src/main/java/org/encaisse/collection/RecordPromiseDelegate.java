package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.encaisse.input.FieldReader;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Component;

/** Task_RecordPromise: the promise taken on the call, in the promise table. */
@Component
class RecordPromiseDelegate implements JavaDelegate {

    private final PromiseBook promises;
    private final InvoiceLedger ledger;
    private final CollectionCalendar calendar;

    RecordPromiseDelegate(PromiseBook promises, InvoiceLedger ledger, CollectionCalendar calendar) {
        this.promises = promises;
        this.ledger = ledger;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CallOutcome outcome = CallOutcome.of(execution);
        Long customerId = (Long) execution.getVariable(CaseVariables.CUSTOMER_ID);
        // The promise is in the currency of what the customer owes, as the letters are.
        String currency = ledger.overdueIncludingPlans(customerId, calendar.today()).stream()
                .map(org.encaisse.invoice.Invoice::getCurrency).findFirst().orElse(FieldReader.DEFAULT_CURRENCY.getCurrencyCode());
        PromiseToPay promise = promises.record(customerId,
                execution.getProcessInstanceId(), outcome.promisedDate(), outcome.promisedAmount(), currency,
                (String) execution.getVariable(CaseVariables.CALLED_BY), madeAt(execution));
        execution.setVariable(CaseVariables.PROMISE_ID, promise.getId());
    }

    /** The moment of the call, not of this job: a payment made right after the call keeps the promise. */
    private static java.time.Instant madeAt(DelegateExecution execution) {
        Object calledAt = execution.getVariable(CaseVariables.CALLED_AT);
        return calledAt == null ? java.time.Instant.now() : java.time.Instant.parse(calledAt.toString());
    }
}
