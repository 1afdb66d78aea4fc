package org.encaisse.paymentplan;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks and task listeners of PaymentPlanProcess. Each maps variables to one call of
 * {@link PaymentPlanDesk}; the bean names are those the BPMN references.
 */
@Configuration
class PaymentPlanDelegates {

    @Bean
    TaskListener checkPlanProposalListener(TaskActor actor, java.time.Clock clock) {
        return task -> {
            Object count = task.getVariable(PlanVariables.INSTALLMENT_COUNT);
            Object first = task.getVariable(PlanVariables.FIRST_INSTALLMENT_DATE);
            int installments = count == null ? 0 : ((Number) count).intValue();
            if (installments < 2 || installments > 24) {
                throw new PlanInputException("De 2 à 24 échéances. / Between 2 and 24 installments.");
            }
            LocalDate firstDate = first == null ? null : LocalDate.parse(first.toString().substring(0, 10));
            if (firstDate == null || firstDate.isBefore(LocalDate.now(clock))) {
                throw new PlanInputException("La première échéance doit être aujourd'hui ou plus tard. "
                        + "/ The first installment must be today or later.");
            }
            task.setVariable(PlanVariables.INSTALLMENT_COUNT, installments);
            task.setVariable(PlanVariables.PROPOSED_BY, actor.of(task));
        };
    }

    @Bean
    JavaDelegate draftPaymentPlanDelegate(PaymentPlanDesk desk) {
        return execution -> {
            PaymentPlan plan = desk.draft((Long) execution.getVariable("customerId"),
                    (String) execution.getVariable("caseId"),
                    ((Number) execution.getVariable(PlanVariables.INSTALLMENT_COUNT)).intValue(),
                    LocalDate.parse(execution.getVariable(PlanVariables.FIRST_INSTALLMENT_DATE).toString().substring(0, 10)),
                    (String) execution.getVariable(PlanVariables.PROPOSED_BY));
            execution.setVariable(PlanVariables.PLAN_ID, plan.getId());
            execution.setVariable(PlanVariables.PLAN_TOTAL, plan.getTotalAmount().doubleValue());
        };
    }

    @Bean
    TaskListener recordPlanApproverListener(TaskActor actor) {
        return task -> task.setVariable(PlanVariables.APPROVED_BY, actor.of(task));
    }

    @Bean
    JavaDelegate rejectPaymentPlanDelegate(PaymentPlanDesk desk) {
        return execution -> {
            desk.reject(planId(execution));
            execution.setVariable(PlanVariables.OUTCOME, "REJECTED");
        };
    }

    @Bean
    JavaDelegate startPaymentPlanDelegate(PaymentPlanDesk desk) {
        return execution -> {
            desk.start(planId(execution), (String) execution.getVariable(PlanVariables.APPROVED_BY));
            execution.setVariable(PlanVariables.NEXT_INSTALLMENT_DATE, desk.nextDueDate(planId(execution)));
        };
    }

    @Bean
    JavaDelegate checkInstallmentsDelegate(PaymentPlanDesk desk) {
        return execution -> {
            PaymentPlanDesk.Standing standing = desk.check(planId(execution));
            execution.setVariable(PlanVariables.STANDING, standing.name());
            execution.setVariable(PlanVariables.NEXT_INSTALLMENT_DATE, desk.nextDueDate(planId(execution)));
        };
    }

    @Bean
    JavaDelegate remindMissedInstallmentDelegate(PaymentPlanDesk desk) {
        return execution -> {
            Object sent = execution.getVariable(PlanVariables.MISSED_COUNT);
            int occurrence = sent == null ? 1 : ((Number) sent).intValue() + 1;
            desk.remindMissedInstallment(planId(execution), occurrence);
            execution.setVariable(PlanVariables.MISSED_COUNT, occurrence);
        };
    }

    @Bean
    JavaDelegate endPaymentPlanDelegate(PaymentPlanDesk desk) {
        return execution -> {
            boolean kept = "COMPLETE".equals(execution.getVariable(PlanVariables.STANDING));
            desk.end(planId(execution), kept);
            execution.setVariable(PlanVariables.OUTCOME, kept ? "KEPT" : "BROKEN");
        };
    }

    private static Long planId(DelegateExecution execution) {
        return (Long) execution.getVariable(PlanVariables.PLAN_ID);
    }

    /** Task input that does not make a workable plan: the task stays open and Tasklist shows why. */
    static class PlanInputException extends org.camunda.bpm.engine.ProcessEngineException {
        PlanInputException(String message) {
            super(message);
        }
    }
}
