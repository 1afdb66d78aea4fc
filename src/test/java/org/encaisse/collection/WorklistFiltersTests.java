package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.access.Groups;
import org.encaisse.support.Api;
import org.encaisse.support.CaseWork;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Tasklist's saved filters as each team meets them: its own lists only, the day's calls highest stakes first with
 * the customer and the amount on the card, a colleague's claimed call out of the list; written again at each start
 * without a duplicate, taking over the filter an earlier version had.
 */
@EncaisseTest
class WorklistFiltersTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    Api api;

    @Autowired
    CaseWork work;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    WorklistFilters worklistFilters;

    private final LocalDate today = ParisDate.today();

    @AfterEach
    void forget() {
        identity.clearAuthentication();
    }

    @Test
    void eachTeamSeesItsOwnListsOnly() {
        assertThat(visibleTo(Groups.COLLECTORS)).containsExactly("Mes appels du jour", "Promesses à vérifier",
                "Avant échéance", "Paiements à rapprocher", "Litiges à trancher", "Toutes mes tâches");
        assertThat(visibleTo(Groups.SALES)).containsExactly("Litiges à trancher", "Toutes mes tâches");
        assertThat(visibleTo(Groups.LOGISTICS)).containsExactly("Litiges à trancher", "Toutes mes tâches");
        assertThat(visibleTo(Groups.MANAGERS)).containsExactly("Décisions à prendre", "Toutes mes tâches");
        assertThat(visibleTo(Groups.AUDITORS)).containsExactly("Tâches en retard");
        assertThat(visibleTo(Groups.CAMUNDA_ADMIN)).contains("Toutes les tâches", "Mes appels du jour");

        // Over the REST API Tasklist calls, as a collector.
        String collector = api.user(Groups.COLLECTORS);
        JsonNode seen = api.as(collector).getForEntity("/engine-rest/filter?resourceType=Task", JsonNode.class).getBody();
        List<String> names = new ArrayList<>();
        seen.forEach(filter -> names.add(filter.get("name").asText()));
        assertThat(names).contains("Mes appels du jour").doesNotContain("Toutes les tâches", "Décisions à prendre");
    }

    @Test
    void theDaysCallsComeHighestStakesFirstWithWhoAndHowMuchOnTheCard() {
        Task large = callOf(customerOwing("42000.00", 95), today);
        Task small = callOf(customerOwing("800.00", 20), today);
        Task later = callOf(customerOwing("60000.00", 120), null);
        String me = api.user(Groups.COLLECTORS);
        String colleague = api.user(Groups.COLLECTORS);

        List<Task> listed = listAs(me, Groups.COLLECTORS, "Mes appels du jour");
        List<String> ids = listed.stream().map(Task::getId).toList();
        assertThat(ids).contains(large.getId(), small.getId()).doesNotContain(later.getId());
        assertThat(ids.indexOf(large.getId())).isLessThan(ids.indexOf(small.getId()));
        for (int i = 1; i < listed.size(); i++) {
            assertThat(listed.get(i).getPriority()).as("sorted by priority").isLessThanOrEqualTo(listed.get(i - 1).getPriority());
        }
        Date endOfToday = Date.from(today.plusDays(1).atStartOfDay(PARIS).toInstant());
        assertThat(listed).allSatisfy(task -> assertThat(task.getDueDate()).isBefore(endOfToday));

        Map<String, Object> card = tasks.getVariablesLocal(large.getId());
        assertThat(card).containsEntry(TaskHeadline.OVERDUE_AMOUNT, 42000.00).containsEntry(TaskHeadline.DAYS_LATE, 95)
                .containsEntry(TaskHeadline.REMINDER_LEVEL, 1).containsKey(TaskHeadline.CUSTOMER_NAME);

        // A call a colleague took leaves my list; one I took stays in it.
        tasks.claim(small.getId(), colleague);
        tasks.claim(large.getId(), me);
        List<String> afterClaims = listAs(me, Groups.COLLECTORS, "Mes appels du jour").stream().map(Task::getId).toList();
        assertThat(afterClaims).contains(large.getId()).doesNotContain(small.getId());
        assertThat(listAs(colleague, Groups.COLLECTORS, "Mes appels du jour").stream().map(Task::getId))
                .contains(small.getId()).doesNotContain(large.getId());
    }

    @Test
    void aManagerSeesNoCollectorsCallInItsDecisions() {
        Task call = callOf(customerOwing("5000.00", 40), today);
        String manager = api.user(Groups.MANAGERS);
        assertThat(listAs(manager, Groups.MANAGERS, "Décisions à prendre").stream().map(Task::getId))
                .doesNotContain(call.getId());
    }

    @Test
    void writingTheFiltersAgainChangesNothingAndTakesOverTheFormerAllTasksFilter() {
        Filter all = byName("Toutes les tâches");
        filters.deleteFilter(all.getId());
        Filter former = filters.newTaskFilter(Worklists.FORMER_ALL_TASKS).setQuery(tasks.createTaskQuery());
        filters.saveFilter(former);
        long before = filters.createFilterQuery().count();

        worklistFilters.afterPropertiesSet();
        worklistFilters.afterPropertiesSet();

        assertThat(filters.createFilterQuery().count()).isEqualTo(before);
        assertThat(filters.getFilter(former.getId()).getName()).isEqualTo("Toutes les tâches");
        for (Worklists.Worklist worklist : Worklists.ALL) {
            Filter filter = byName(worklist.name());
            assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
                    .list()).extracting(grant -> grant.getGroupId()).containsExactlyInAnyOrderElementsOf(worklist.groups());
        }
    }

    @Test
    void tasklistsOwnListRequestKeepsTheFiltersOrder() {
        Task large = callOf(customerOwing("30500.00", 70), today);
        Task small = callOf(customerOwing("300.00", 10), today);
        String me = api.user(Groups.COLLECTORS);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        // The body Tasklist posts: its own sorting comes after the filter's.
        String body = """
                {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],
                 "sorting":[{"sortBy":"created","sortOrder":"desc"}]}""";
        JsonNode page = api.as(me).postForEntity("/engine-rest/filter/" + byName("Mes appels du jour").getId()
                + "/list?firstResult=0&maxResults=200", new HttpEntity<>(body, headers), JsonNode.class).getBody();
        List<String> ids = new ArrayList<>();
        page.get("_embedded").get("task").forEach(task -> ids.add(task.get("id").asText()));
        assertThat(ids.indexOf(large.getId())).isGreaterThanOrEqualTo(0).isLessThan(ids.indexOf(small.getId()));
        List<String> shown = new ArrayList<>();
        page.get("_embedded").get("task").get(ids.indexOf(large.getId())).get("_embedded").get("variable")
                .forEach(variable -> shown.add(variable.get("name").asText()));
        assertThat(shown).contains(TaskHeadline.CUSTOMER_NAME, TaskHeadline.OVERDUE_AMOUNT, TaskHeadline.DAYS_LATE);
    }

    private List<String> visibleTo(String group) {
        identity.setAuthentication("someone-of-" + group, List.of(group));
        try {
            return filters.createFilterQuery().filterResourceType("Task").list().stream()
                    .sorted(java.util.Comparator.comparing(filter -> ((Number) filter.getProperties().get("priority")).intValue()))
                    .map(Filter::getName).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<Task> listAs(String user, String group, String filterName) {
        identity.setAuthentication(user, List.of(group));
        try {
            return filters.list(byName(filterName).getId());
        } finally {
            identity.clearAuthentication();
        }
    }

    private Filter byName(String name) {
        return filters.createFilterQuery().filterName(name).singleResult();
    }

    /** A customer whose one invoice is {@code daysLate} days late, with its case open. */
    private String customerOwing(String amount, int daysLate) {
        String customer = api.customer();
        api.invoice(customer, today.minusDays(daysLate + 30L).toString(), today.minusDays(daysLate).toString(), amount);
        return customer;
    }

    /** Runs the aging, takes the case to its call, and makes the call due on {@code due} (left as modelled if null). */
    private Task callOf(String customer, LocalDate due) {
        api.post("/api/aging-runs", "");
        Task call = work.nextTask(work.caseOf(customer));
        assertThat(call.getTaskDefinitionKey()).isEqualTo("Task_CallCustomer");
        if (due != null) {
            call.setDueDate(Date.from(due.atTime(9, 0).atZone(PARIS).toInstant()));
            tasks.saveTask(call);
        }
        return tasks.createTaskQuery().taskId(call.getId()).singleResult();
    }
}
