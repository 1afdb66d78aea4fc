package org.encaisse.insurance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_MarkCoverLost: the invoices lose their cover, and the case shows an incident in Cockpit until a manager
 * takes note of it. A missed deadline costs the indemnity: it must be seen where managers look for what went wrong.
 */
@Component
class MarkCoverLostDelegate implements JavaDelegate {

    static final String INCIDENT_TYPE = "insuranceCoverLost";

    private final DeclarationDesk desk;

    MarkCoverLostDelegate(DeclarationDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InsuranceDeclaration declaration = desk.coverLost(execution.getProcessInstanceId());
        execution.setVariable("coverLostAmount", DeclarationDesk.total(declaration.getInvoices()).toPlainString() + " "
                + declaration.getInvoices().get(0).currency());
        boolean alreadyRaised = execution.getProcessEngineServices().getRuntimeService().createIncidentQuery()
                .processInstanceId(execution.getProcessInstanceId()).incidentType(INCIDENT_TYPE).count() > 0;
        if (!alreadyRaised) {
            execution.createIncident(INCIDENT_TYPE, declaration.getDeadline().toString(),
                    "Impayé non déclaré à %s avant le %s : couverture perdue sur %d facture(s). / Not declared to %s by %s: cover lost."
                            .formatted(declaration.getInsurer(), declaration.getDeadline(),
                                    declaration.getInvoices().size(), declaration.getInsurer(), declaration.getDeadline()));
        }
    }
}
