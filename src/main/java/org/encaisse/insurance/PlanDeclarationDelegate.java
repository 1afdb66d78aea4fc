package org.encaisse.insurance;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PlanDeclaration: reads the policy's deadline from CreditInsurancePolicyDecision and records which invoices
 * must be declared by when. A policy the table no longer knows is an incident for the managers, not a guess.
 */
@Component
class PlanDeclarationDelegate implements JavaDelegate {

    private final PolicyRules policies;
    private final DeclarationDesk desk;

    PlanDeclarationDelegate(PolicyRules policies, DeclarationDesk desk) {
        this.policies = policies;
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String insurer = (String) execution.getVariable("insurer");
        String policyNumber = (String) execution.getVariable("policyNumber");
        PolicyRules.Rules rules = policies.of(insurer, policyNumber).orElseThrow(() -> new ProcessEngineException(
                "CreditInsurancePolicyDecision gives no declaration deadline for " + insurer + ", policy " + policyNumber
                        + ": add its line in Modeler, then retry this job."));
        DeclarationDesk.Plan plan = desk.plan(execution.getProcessInstanceId(),
                ((Number) execution.getVariable("customerId")).longValue(), rules);
        execution.setVariable("toDeclare", plan.toDeclare());
        execution.setVariable("requiredDocuments", rules.requiredDocuments());
        execution.setVariable("waitingPeriodDays", rules.waitingPeriodDays());
        if (plan.toDeclare()) {
            execution.setVariable("declarationDeadline", plan.deadline().toString());
            execution.setVariable("declarationAskFrom", plan.askFrom());
            execution.setVariable("declarationLostAfter", plan.lostAfter());
        }
    }
}
