package org.encaisse.agency;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing Task_RecordAgencyResult: what the agency recovered, which closes the handoff. */
@Component
class RecordAgencyResultListener implements TaskListener {

    private final AgencyDesk desk;

    RecordAgencyResultListener(AgencyDesk desk) {
        this.desk = desk;
    }

    @Override
    public void notify(DelegateTask task) {
        Object recovered = task.getVariable("recoveredAmount");
        BigDecimal amount;
        try {
            amount = recovered == null ? null : new BigDecimal(recovered.toString()).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException unreadable) {
            amount = null;
        }
        if (amount == null || amount.signum() < 0) {
            throw new ProcessEngineException("Indiquez le montant recouvré (0 ou plus). / Enter the amount recovered (0 or more).");
        }
        desk.recordResult(task.getProcessInstanceId(), amount);
    }
}
