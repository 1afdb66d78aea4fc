package org.encaisse.collection;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordPromise: the promise taken on the call, in the promise table. */
@Component
class RecordPromiseDelegate implements JavaDelegate {

    private final PromiseBook promises;

    RecordPromiseDelegate(PromiseBook promises) {
        this.promises = promises;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CallOutcome outcome = CallOutcome.of(execution);
        PromiseToPay promise = promises.record((Long) execution.getVariable(CaseVariables.CUSTOMER_ID),
                execution.getProcessInstanceId(), outcome.promisedDate(), outcome.promisedAmount(), "EUR",
                (String) execution.getVariable(CaseVariables.CALLED_BY));
        execution.setVariable(CaseVariables.PROMISE_ID, promise.getId());
    }
}
