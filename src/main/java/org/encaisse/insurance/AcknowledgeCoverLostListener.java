package org.encaisse.insurance;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/** On completing Task_AcknowledgeCoverLost: what the manager will do about it, then the Cockpit alert is resolved. */
@Component
class AcknowledgeCoverLostListener implements TaskListener {

    private final DeclarationDesk desk;

    AcknowledgeCoverLostListener(DeclarationDesk desk) {
        this.desk = desk;
    }

    @Override
    public void notify(DelegateTask task) {
        Object comment = task.getVariable("coverLostComment");
        if (comment == null || comment.toString().isBlank() || comment.toString().length() > 2000) {
            throw new ProcessEngineException("Dites ce qui sera fait des factures non couvertes (2 000 caractères au "
                    + "plus). / Say what will be done about the uncovered invoices (at most 2,000 characters).");
        }
        desk.lossAcknowledged(task.getProcessInstanceId(), comment.toString().strip(),
                task.getAssignee() != null ? task.getAssignee() : "unknown");
        RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
        for (Incident incident : runtime.createIncidentQuery().processInstanceId(task.getProcessInstanceId())
                .incidentType(MarkCoverLostDelegate.INCIDENT_TYPE).list()) {
            runtime.resolveIncident(incident.getId());
        }
    }
}
