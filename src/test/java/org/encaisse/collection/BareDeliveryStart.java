package org.encaisse.collection;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The send steps of the daily-job benchmark's bare case: what the real step asks of the engine
 * (start a delivery process with the same three variables, set {@code communicationRecorded}),
 * without recording a communication, reading the ledger or appending to the audit trail.
 */
public class BareDeliveryStart implements JavaDelegate {

    private static final AtomicLong communications = new AtomicLong();

    @Override
    public void execute(DelegateExecution execution) {
        execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey("BareDeliveryProcess",
                execution.getProcessBusinessKey(), Map.of(
                        "communicationId", communications.incrementAndGet(),
                        "customerId", execution.getVariable(CaseVariables.CUSTOMER_ID),
                        "step", execution.getVariable("step")));
        execution.getProcessInstance().setVariable("communicationRecorded", true);
    }
}
