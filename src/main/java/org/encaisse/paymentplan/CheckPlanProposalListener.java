package org.encaisse.paymentplan;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ProposePlan: 2 to 24 installments starting today or later, or the task stays
 * open and Tasklist shows why. Records who proposed the plan.
 */
@Component
class CheckPlanProposalListener implements TaskListener {

    private final TaskActor actor;
    private final Clock clock;

    CheckPlanProposalListener(TaskActor actor, Clock clock) {
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object count = task.getVariable(PlanVariables.INSTALLMENT_COUNT);
        Object first = task.getVariable(PlanVariables.FIRST_INSTALLMENT_DATE);
        int installments = count == null ? 0 : ((Number) count).intValue();
        if (installments < 2 || installments > 24) {
            throw new ProcessEngineException("De 2 à 24 échéances. / Between 2 and 24 installments.");
        }
        LocalDate firstDate = first == null ? null : LocalDate.parse(first.toString().substring(0, 10));
        if (firstDate == null || firstDate.isBefore(LocalDate.now(clock))) {
            throw new ProcessEngineException("La première échéance doit être aujourd'hui ou plus tard. "
                    + "/ The first installment must be today or later.");
        }
        task.setVariable(PlanVariables.INSTALLMENT_COUNT, installments);
        task.setVariable(PlanVariables.PROPOSED_BY, actor.of(task));
    }
}
