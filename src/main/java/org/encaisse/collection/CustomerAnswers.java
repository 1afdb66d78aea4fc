package org.encaisse.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import java.time.Clock;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.access.TaskActor;
import org.encaisse.audit.AuditTrail;
import org.encaisse.customer.CustomerDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the customer answers without being called (from its portal page), given to its case as the same answer
 * on the phone: the open call of the case is completed with it, so that the case takes the very path a collector's
 * entry would, and the call is recorded as answered by the customer's link.
 */
@Service
public class CustomerAnswers {

    static final String REQUEST_PROCESS = "PromiseRequestProcess";

    private final TaskService tasks;
    private final CustomerDirectory customers;
    private final RuntimeService runtime;
    private final PromiseBook promises;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerAnswers(TaskService tasks, CustomerDirectory customers, RuntimeService runtime, PromiseBook promises,
                    AuditTrail audit, Clock clock) {
        this.tasks = tasks;
        this.customers = customers;
        this.runtime = runtime;
        this.promises = promises;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case's open call, if the case is at that step. */
    @Transactional(readOnly = true)
    public Optional<Task> openCall(Long customerId) {
        return tasks.createTaskQuery().processDefinitionKey(CaseVariables.PROCESS)
                .processInstanceBusinessKey(customers.get(customerId).getExternalId())
                .taskDefinitionKey("Task_CallCustomer").list().stream().findFirst();
    }

    /** Answers the case's open call with a promise to pay; false when the case waits for no call now. */
    @Transactional
    public boolean promise(Long customerId, LocalDate date, BigDecimal amount, String actor) {
        Optional<Task> call = openCall(customerId);
        if (call.isEmpty()) {
            return false;
        }
        TaskActor.onBehalfOf(actor, () -> tasks.complete(call.get().getId(), Map.of(
                CaseVariables.CALL_OUTCOME, CallOutcome.PROMISE,
                CaseVariables.PROMISED_DATE, date.toString(),
                CaseVariables.PROMISED_AMOUNT, amount.doubleValue())));
        return true;
    }

    /**
     * Answers the case's open call with the customer's difficulty and its payment plan proposal: the case starts
     * the plan path, whose collector sees the proposal and starts from its figures. False when no call is open.
     */
    @Transactional
    public boolean askForPlan(Long customerId, int installments, LocalDate firstInstallment, String proposal,
                              String actor) {
        Optional<Task> call = openCall(customerId);
        if (call.isEmpty()) {
            return false;
        }
        audit.append(actor, "PLAN_REQUESTED", customerId, customers.get(customerId).getExternalId(), null, proposal);
        TaskActor.onBehalfOf(actor, () -> tasks.complete(call.get().getId(), Map.of(
                CaseVariables.CALL_OUTCOME, CallOutcome.DIFFICULTY,
                "customerPlanProposal", proposal,
                "proposedInstallmentCount", installments,
                "proposedFirstInstallmentDate", firstInstallment.toString())));
        return true;
    }

    /**
     * A promise the collectors decide on ("Examiner la promesse du client"): further than the policy accepts by
     * itself, or made while the case waits for no call. {@code why} says which, for the collector.
     */
    @Transactional
    public void propose(Long customerId, LocalDate date, BigDecimal amount, String currency, String why, String actor) {
        String externalId = customers.get(customerId).getExternalId();
        audit.append(actor, "PROMISE_PROPOSED", customerId, externalId, null,
                "%s %s proposé pour le %s : %s".formatted(amount.toPlainString(), currency, date, why));
        runtime.startProcessInstanceByKey(REQUEST_PROCESS, externalId, Map.of(
                CaseVariables.CUSTOMER_ID, customerId, "proposedDate", date.toString(),
                "proposedAmount", amount.toPlainString() + " " + currency, "proposedAmountValue", amount.doubleValue(),
                "proposedCurrency", currency, "proposedBy", actor, "proposedWhy", why));
    }

    /**
     * The collector's decision on a proposed promise. Accepted: the case's open call, if it has one, is answered
     * with it; otherwise it is recorded against the case, where the next call finds it and checks it.
     */
    @Transactional
    public void reviewed(Long customerId, LocalDate date, BigDecimal amount, String currency, boolean accepted,
                        String comment, String reviewer) {
        String externalId = customers.get(customerId).getExternalId();
        if (!accepted) {
            audit.append(reviewer, "PROMISE_REJECTED", customerId, externalId, null,
                    amount.toPlainString() + " " + currency + " pour le " + date + " : " + comment);
            return;
        }
        if (!promise(customerId, date, amount, reviewer)) {
            String caseId = runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS)
                    .processInstanceBusinessKey(externalId).list().stream().findFirst()
                    .map(instance -> instance.getId()).orElse(null);
            promises.record(customerId, caseId, date, amount, currency, reviewer, clock.instant());
        }
    }
}
