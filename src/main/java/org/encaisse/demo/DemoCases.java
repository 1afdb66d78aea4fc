package org.encaisse.demo;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Brings the demo's older cases to where a real portfolio would stand: the two friendly reminders
 * recorded and a collector's call waiting in Tasklist, instead of waiting days for the timers; and the
 * oldest one past its formal notice, with an injunction request ready for the manager to file.
 */
@Component
class DemoCases {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoCases.class);

    /** A case whose oldest invoice fell due this long ago has had its reminders. */
    private static final int REMINDED_AFTER_DAYS = 14;
    private static final int MAX_STEPS = 8;
    private static final java.time.LocalTime CALLS_DUE_AT = java.time.LocalTime.of(23, 59);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;

    DemoCases(RuntimeService runtime, ManagementService management, TaskService tasks) {
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
    }

    /**
     * The calls are due by the end of today, as a collector's calls are on the day the schedule reaches them, so that the
     * morning's list "Mes appels du jour" has them.
     *
     * @return how many cases now wait for a collector's call
     */
    int bringToCall(LocalDate today, java.time.ZoneId zone) {
        int waiting = 0;
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey("CollectionCaseProcess").list()) {
            LocalDate due = LocalDate.parse((String) runtime.getVariable(instance.getId(), "caseDueDate"));
            if (due.plusDays(REMINDED_AFTER_DAYS).isAfter(today)) {
                continue;
            }
            if (advanceToTask(instance.getId())) {
                waiting++;
                java.util.Date dueToday = java.util.Date.from(today.atTime(CALLS_DUE_AT).atZone(zone).toInstant());
                tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_CallCustomer").list()
                        .forEach(call -> {
                            call.setDueDate(dueToday);
                            tasks.saveTask(call);
                        });
            }
        }
        return waiting;
    }

    /** What the demo's people answer on the way from the call to the choice of the injunction to pay. */
    private static final Map<String, Answer> TO_THE_COURT = Map.of(
            "Task_CallCustomer", new Answer("marie", Map.of("callOutcome", "NO_AGREEMENT",
                    "callNotes", "Le client ne donne aucune date de paiement.")),
            "Task_AskSalesRepToCall", new Answer("paul", Map.of("buyerReached", "false",
                    "salesCallNotes", "Acheteur injoignable depuis trois semaines.")),
            "Task_DecideDeliveryBlock", new Answer("claire", Map.of("blockDeliveries", false,
                    "blockComment", "Plus de commandes en cours.")),
            "Task_DecideAgencyHandoff", new Answer("claire", Map.of("recoveryRoute", "INJUNCTION",
                    "decisionComment", "Créance non contestée, débiteur solvable : injonction de payer.")));

    private record Answer(String user, Map<String, Object> variables) {
    }

    /**
     * Walks the oldest case waiting for its call alone through the call, the sales rep's call, the delivery decision,
     * the formal notice and the manager's choice of the injunction to pay, as the demo's people would.
     *
     * @return the customer whose request waits to be filed, if one got there
     */
    Optional<String> bringToInjunctionFiling() {
        Optional<ProcessInstance> oldest = runtime.createProcessInstanceQuery().processDefinitionKey("CollectionCaseProcess")
                .list().stream()
                .filter(instance -> tasks.createTaskQuery().processInstanceId(instance.getId()).count() == 1
                        && tasks.createTaskQuery().processInstanceId(instance.getId())
                                .taskDefinitionKey("Task_CallCustomer").count() == 1)
                .min(Comparator.comparing(instance -> (String) runtime.getVariable(instance.getId(), "caseDueDate")));
        if (oldest.isEmpty()) {
            return Optional.empty();
        }
        String caseId = oldest.get().getId();
        for (int step = 0; step < 4 * MAX_STEPS; step++) {
            Task task = tasks.createTaskQuery().processInstanceId(caseId).singleResult();
            if (task != null && task.getTaskDefinitionKey().equals("Task_FileInjunctionRequest")) {
                return Optional.of(oldest.get().getBusinessKey());
            }
            if (task != null) {
                Answer answer = TO_THE_COURT.get(task.getTaskDefinitionKey());
                if (answer == null) {
                    log.warn("The demo's injunction case {} stopped at {}.", caseId, task.getTaskDefinitionKey());
                    return Optional.empty();
                }
                tasks.claim(task.getId(), answer.user());
                tasks.complete(task.getId(), answer.variables());
            } else if (!advanceToTask(caseId)) {
                log.warn("The demo's injunction case {} waits for no task.", caseId);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the insurance declaration watches as far as today allows: the jobs that are due, never a timer of a later
     * day, so that a declaration whose lead has come waits in the managers' list and the others keep their date.
     *
     * @return how many declarations wait for a manager
     */
    int bringInsuranceDeclarationsDue() {
        for (int step = 0; step < 4 * MAX_STEPS; step++) {
            List<Job> due = management.createJobQuery().processDefinitionKey("CreditInsuranceProcess").executable()
                    .listPage(0, 1);
            if (due.isEmpty()) {
                break;
            }
            try {
                management.executeJob(due.get(0).getId());
            } catch (ProcessEngineException takenByTheJobExecutor) {
                // The running job executor got there first; look again.
            }
        }
        return (int) tasks.createTaskQuery().processDefinitionKey("CreditInsuranceProcess")
                .taskDefinitionKey("Task_DeclareToInsurer").count();
    }

    private boolean advanceToTask(String processInstanceId) {
        for (int step = 0; step < MAX_STEPS; step++) {
            if (tasks.createTaskQuery().processInstanceId(processInstanceId).count() > 0) {
                return true;
            }
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).orderByJobDuedate().asc().list();
            if (jobs.isEmpty()) {
                return false;
            }
            try {
                management.executeJob(jobs.get(0).getId());
            } catch (ProcessEngineException takenByTheJobExecutor) {
                // The running job executor got there first; look again.
            }
        }
        return tasks.createTaskQuery().processInstanceId(processInstanceId).count() > 0;
    }
}
