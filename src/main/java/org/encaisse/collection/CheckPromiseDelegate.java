package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckPromise: once the promised date (plus grace) has passed, kept or broken. */
@Component
class CheckPromiseDelegate implements JavaDelegate {

    private final PromiseBook promises;

    CheckPromiseDelegate(PromiseBook promises) {
        this.promises = promises;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean kept = promises.settle((Long) execution.getVariable(CaseVariables.PROMISE_ID));
        execution.setVariable(CaseVariables.PROMISE_KEPT, kept);
    }
}
