package org.encaisse.communication;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every "send" task of the collection case: records the communication of the step named by the
 * task's input parameter {@code step}, keyed by case, task and occurrence so that a retried job records nothing twice.
 * Output: {@code communicationRecorded}, false when no overdue invoice was left to chase.
 */
@Component
class RecordCommunicationDelegate implements JavaDelegate {

    private final CommunicationLog log;

    RecordCommunicationDelegate(CommunicationLog log) {
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CommunicationStep step = CommunicationStep.valueOf((String) execution.getVariable("step"));
        Long customerId = (Long) execution.getVariable("customerId");
        Optional<Communication> recorded = log.recordNext(execution.getProcessInstanceId(),
                execution.getCurrentActivityId(), customerId, step);
        execution.getProcessInstance().setVariable("communicationRecorded", recorded.isPresent());
    }
}
