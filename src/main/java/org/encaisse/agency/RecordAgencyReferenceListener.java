package org.encaisse.agency;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing Task_RecordAgencyReference: the agency's file reference on the handoff. */
@Component
class RecordAgencyReferenceListener implements TaskListener {

    private final AgencyDesk desk;

    RecordAgencyReferenceListener(AgencyDesk desk) {
        this.desk = desk;
    }

    @Override
    public void notify(DelegateTask task) {
        Object reference = task.getVariable("agencyReference");
        if (reference == null || reference.toString().isBlank() || reference.toString().length() > 100) {
            throw new ProcessEngineException("Indiquez la référence du dossier à l'agence (100 caractères au plus). "
                    + "/ Enter the agency's file reference (at most 100 characters).");
        }
        desk.recordReference(task.getProcessInstanceId(), reference.toString().strip());
    }
}
