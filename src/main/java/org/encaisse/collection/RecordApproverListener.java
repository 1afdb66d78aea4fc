package org.encaisse.collection;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** On completing Task_DecideAgencyHandoff: who decided, for the handoff record and the auditors. */
@Component
class RecordApproverListener implements TaskListener {

    private final IdentityService identity;

    RecordApproverListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getVariable(CaseVariables.AGENCY_APPROVED) == null) {
            throw new RejectedTaskInputException("Approuvez ou refusez la remise à l'agence. / Approve or refuse the handoff.");
        }
        Authentication current = identity.getCurrentAuthentication();
        task.setVariable(CaseVariables.APPROVED_BY, current != null ? current.getUserId() : task.getAssignee());
    }
}
