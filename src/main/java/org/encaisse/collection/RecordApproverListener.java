package org.encaisse.collection;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/**
 * On completing Task_DecideAgencyHandoff: the route chosen after the formal notice, and who chose it, for the
 * handoff or injunction record and the auditors. Cases started before the injunction to pay existed read
 * {@code agencyApproved}, which is kept in step, so that they finish on the model they started with.
 */
@Component
class RecordApproverListener implements TaskListener {

    private final TaskActor actor;

    RecordApproverListener(TaskActor actor) {
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        Object route = task.getVariable(CaseVariables.RECOVERY_ROUTE);
        Object approved = task.getVariable(CaseVariables.AGENCY_APPROVED);
        if (route == null && approved != null) {
            route = Boolean.parseBoolean(approved.toString()) ? "AGENCY" : "IN_HOUSE";
        }
        if (route == null || !List.of("AGENCY", "INJUNCTION", "IN_HOUSE").contains(route.toString())) {
            throw new RejectedTaskInputException("Choisissez la suite : agence, injonction de payer ou recouvrement "
                    + "interne. / Choose the next step: agency, injunction to pay or in house.");
        }
        task.setVariable(CaseVariables.RECOVERY_ROUTE, route.toString());
        task.setVariable(CaseVariables.AGENCY_APPROVED, "AGENCY".equals(route.toString()));
        task.setVariable(CaseVariables.APPROVED_BY, actor.of(task));
    }
}
