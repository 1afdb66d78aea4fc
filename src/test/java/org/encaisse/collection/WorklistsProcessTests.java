package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.encaisse.access.Groups;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worklists' queries on the models' own tasks, in a plain engine with the card variables set as TaskHeadlines
 * sets them: the day's calls by priority then amount, a call due later or claimed by a colleague left out, the
 * promises to check, the managers' decisions without the collectors' calls. Who may read which filter is checked
 * end to end (WorklistFiltersTests).
 */
@Tag("process-model")
@Deployment(resources = {"processes/collection/CollectionCaseProcess.bpmn", "processes/collection/CollectionScheduleDecision.dmn",
        "forms/collection/CallCustomerForm.form", "forms/collection/DecideDeliveryBlockForm.form"})
class WorklistsProcessTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .build();

    private ProcessEngine engine;
    private final LocalDate today = ParisDate.today();

    @BeforeEach
    void standIns() {
        engine = extension.getProcessEngine();
        Mocks.register("collectionCalendar", new CollectionCalendar("Europe/Paris"));
        Mocks.register("prepareCallListener", (TaskListener) task -> task.setVariableLocal("briefing", "…"));
        Mocks.register("checkCallOutcomeListener", (TaskListener) task -> { });
        Mocks.register("recordApproverListener", (TaskListener) task -> { });
        Mocks.register("blockDeliveriesDelegate", (JavaDelegate) execution -> { });
        new WorklistFilters(engine.getFilterService(), engine.getTaskService(), engine.getAuthorizationService())
                .afterPropertiesSet();
    }

    @AfterEach
    void forget() {
        engine.getIdentityService().clearAuthentication();
        engine.getFilterService().createFilterQuery().list().forEach(filter -> engine.getFilterService().deleteFilter(filter.getId()));
        engine.getAuthorizationService().createAuthorizationQuery().list()
                .forEach(grant -> engine.getAuthorizationService().deleteAuthorization(grant.getId()));
        Mocks.reset();
    }

    @Test
    void theDaysCallsByPriorityThenAmountWithoutLaterOrColleaguesCalls() {
        Task small = call("C1", 60, 1_500.0, false, today);
        Task large = call("C2", 60, 48_000.0, false, today);
        Task urgent = call("C3", 85, 9_000.0, false, today.minusDays(3));
        Task later = call("C4", 95, 70_000.0, false, today.plusDays(2));
        Task taken = call("C5", 90, 20_000.0, false, today);
        engine.getTaskService().claim(taken.getId(), "julien");
        Task mine = call("C6", 20, 500.0, false, today);
        engine.getTaskService().claim(mine.getId(), "marie");

        assertThat(ids(list("marie", Groups.COLLECTORS, "Mes appels du jour")))
                .containsExactly(urgent.getId(), large.getId(), small.getId(), mine.getId());
        assertThat(ids(list("julien", Groups.COLLECTORS, "Mes appels du jour"))).contains(taken.getId())
                .doesNotContain(mine.getId(), later.getId());
    }

    @Test
    void promisesToCheckAreTheCallsAfterABrokenPromise() {
        Task kept = call("C7", 40, 3_000.0, false, today);
        Task broken = call("C8", 50, 3_000.0, true, today);

        assertThat(ids(list("marie", Groups.COLLECTORS, "Promesses à vérifier"))).containsExactly(broken.getId())
                .doesNotContain(kept.getId());
    }

    @Test
    void theManagersDecisionsHoldNoCall() {
        Task call = call("C9", 70, 12_000.0, false, today);
        var decision = engine.getRuntimeService().createProcessInstanceByKey(CaseVariables.PROCESS).businessKey("C10")
                .setVariables(Map.of(CaseVariables.CUSTOMER_ID, 10L, CaseVariables.CASE_DUE_DATE, today.minusDays(40).toString()))
                .startBeforeActivity("Task_DecideDeliveryBlock").execute();
        String decisionTask = engine.getTaskService().createTaskQuery().processInstanceId(decision.getId()).singleResult().getId();

        assertThat(ids(list("claire", Groups.MANAGERS, "Décisions à prendre"))).containsExactly(decisionTask)
                .doesNotContain(call.getId());
        assertThat(ids(list("marie", Groups.COLLECTORS, "Toutes mes tâches"))).contains(call.getId())
                .doesNotContain(decisionTask);
    }

    /** A case at its call, the card's variables and priority set as TaskHeadlines sets them, due on {@code due}. */
    private Task call(String customer, int priority, double overdue, boolean brokenPromise, LocalDate due) {
        var instance = engine.getRuntimeService().createProcessInstanceByKey(CaseVariables.PROCESS).businessKey(customer)
                .setVariables(Map.of(CaseVariables.CUSTOMER_ID, (long) customer.hashCode(),
                        CaseVariables.CASE_DUE_DATE, today.minusDays(40).toString()))
                .startBeforeActivity("Task_CallCustomer").execute();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        task.setPriority(priority);
        task.setDueDate(Date.from(due.atTime(9, 0).atZone(PARIS).toInstant()));
        engine.getTaskService().saveTask(task);
        engine.getTaskService().setVariablesLocal(task.getId(), Map.of(TaskHeadline.CUSTOMER_NAME, "Client " + customer,
                TaskHeadline.OVERDUE_AMOUNT, overdue, TaskHeadline.DAYS_LATE, 40, TaskHeadline.REMINDER_LEVEL, 1,
                TaskHeadline.BROKEN_PROMISE, brokenPromise));
        return task;
    }

    private List<Task> list(String user, String group, String filterName) {
        Filter filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            return engine.getFilterService().list(filter.getId());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }
}
