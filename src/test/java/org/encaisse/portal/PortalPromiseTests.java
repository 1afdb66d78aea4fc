package org.encaisse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.customer.PortalLinks;
import org.encaisse.support.Api;
import org.encaisse.support.CaseWork;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A promise made on the portal page moves the case as the same promise on the phone does, within the policy;
 * beyond it a collector decides; a day gone or more than owed is refused with nothing started.
 */
@EncaisseTest
class PortalPromiseTests {

    @Autowired
    Api api;

    @Autowired
    TestRestTemplate anonymous;

    @Autowired
    PortalLinks links;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    CaseWork work;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    private final LocalDate today = ParisDate.today();
    private String customer;
    private String caseId;
    private String token;

    @BeforeEach
    void aCaseWaitingForItsCall() {
        customer = api.customer();
        api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "1250.00");
        String link = links.issue(customers.get(customer).getId(), "test");
        token = link.substring(link.lastIndexOf('/') + 1);
        api.post("/api/aging-runs", "");
        caseId = work.caseOf(customer);
        assertThat(work.nextTask(caseId).getTaskDefinitionKey()).isEqualTo("Task_CallCustomer");
    }

    @Test
    void aPromiseWithinThePolicyAnswersTheCallAsOnThePhone() {
        ResponseEntity<JsonNode> promised = promise(today.plusDays(10).toString(), "1250,00");
        assertThat(promised.getStatusCode()).as(String.valueOf(promised.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(promised.getBody().get("status").asText()).isEqualTo("RECORDED");
        runUntilTimer();
        assertThat(runtime.getActiveActivityIds(caseId)).contains("Event_PromiseDue");
        JsonNode promise = api.get("/api/customers/" + customer + "/promises").getBody().get(0);
        assertThat(promise.get("promisedDate").asText()).isEqualTo(today.plusDays(10).toString());
        assertThat(promise.get("amount").decimalValue()).isEqualByComparingTo("1250.00");
        assertThat(promise.get("recordedBy").asText()).startsWith("portal:link ");
    }

    @Test
    void aPromiseBeyondThePolicyGoesToACollectorWhoseAcceptanceMovesTheCase() {
        ResponseEntity<JsonNode> promised = promise(today.plusDays(45).toString(), "1250");
        assertThat(promised.getBody().get("status").asText()).isEqualTo("TO_REVIEW");
        assertThat(runtime.getActiveActivityIds(caseId)).contains("Task_CallCustomer");
        Task review = tasks.createTaskQuery().processDefinitionKey("PromiseRequestProcess")
                .processInstanceBusinessKey(customer).singleResult();
        assertThat(review.getName()).startsWith("Examiner la promesse du client · ");
        assertThat(tasks.getVariable(review.getId(), "proposedWhy")).asString().contains("au-delà de 30 jours");

        String collector = api.user("collectors");
        String reviewInstance = review.getProcessInstanceId();
        ResponseEntity<String> rejectedWithoutWhy = work.tryToComplete(reviewInstance, "Task_ReviewPromise", collector,
                "{\"promiseDecision\": {\"value\": \"REJECT\"}}");
        assertThat(rejectedWithoutWhy.getBody()).contains("Dites pourquoi vous refusez");
        work.work(reviewInstance, "Task_ReviewPromise", collector, "{\"promiseDecision\": {\"value\": \"ACCEPT\"}}");
        runUntilTimer();
        assertThat(runtime.getActiveActivityIds(caseId)).contains("Event_PromiseDue");
        JsonNode promise = api.get("/api/customers/" + customer + "/promises").getBody().get(0);
        assertThat(promise.get("promisedDate").asText()).isEqualTo(today.plusDays(45).toString());
        assertThat(promise.get("recordedBy").asText()).isEqualTo(collector);
    }

    @Test
    void aDayGoneOrMoreThanOwedIsRefusedAndNothingMoves() {
        assertRefused(promise(today.toString(), "100"), "promisedDate");
        assertRefused(promise(today.plusDays(5).toString(), "1250.01"), "promisedAmount");
        assertRefused(promise("31/02/2027", "100"), "promisedDate");
        assertThat(runtime.getActiveActivityIds(caseId)).contains("Task_CallCustomer");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("PromiseRequestProcess")
                .processInstanceBusinessKey(customer).count()).isZero();
        assertThat(api.get("/api/customers/" + customer + "/promises").getBody()).isEmpty();
    }

    @Test
    void aPlanAskedForOnThePageStartsThePlanPathWithTheCustomersProposal() {
        LocalDate first = today.plusDays(20);
        assertRefused(plan("1", first.toString(), null), "installmentCount");
        assertRefused(plan("6", today.minusDays(1).toString(), null), "firstInstallmentDate");
        assertThat(runtime.getActiveActivityIds(caseId)).contains("Task_CallCustomer");

        ResponseEntity<JsonNode> asked = plan("6", first.toString(), "Baisse d'activité cet hiver");
        assertThat(asked.getStatusCode()).as(String.valueOf(asked.getBody())).isEqualTo(HttpStatus.CREATED);
        runUntilTimer();
        var planInstance = runtime.createProcessInstanceQuery().processDefinitionKey("PaymentPlanProcess")
                .processInstanceBusinessKey(customer).singleResult();
        assertThat(planInstance).as("the plan path of " + customer).isNotNull();
        for (int i = 0; i < 5 && tasks.createTaskQuery().processInstanceId(planInstance.getId()).count() == 0; i++) {
            management.createJobQuery().processInstanceId(planInstance.getId()).list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
        Task propose = tasks.createTaskQuery().processInstanceId(planInstance.getId()).singleResult();
        assertThat(propose.getTaskDefinitionKey()).isEqualTo("Task_ProposePlan");
        assertThat(runtime.getVariable(planInstance.getId(), "installmentCount")).isEqualTo(6);
        assertThat(runtime.getVariable(planInstance.getId(), "firstInstallmentDate")).isEqualTo(first.toString());
        assertThat((String) runtime.getVariable(planInstance.getId(), "customerPlanProposal"))
                .startsWith("6 mensualités à partir du ").endsWith("« Baisse d'activité cet hiver »");

        // The case is in the plan path now: a second request waits for the team's answer.
        assertThat(plan("3", first.toString(), null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private ResponseEntity<JsonNode> plan(String count, String first, String comment) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("installmentCount", count);
        form.add("firstInstallmentDate", first);
        if (comment != null) {
            form.add("comment", comment);
        }
        return new PortalClient(anonymous).post(token, "plan-requests", form, true);
    }

    /** Runs the case's continuations, not its timers: where it waits now, not where days would take it. */
    private void runUntilTimer() {
        for (int i = 0; i < 10; i++) {
            var due = management.createJobQuery().processInstanceId(caseId).messages().list();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer, String field) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors")).anyMatch(error -> error.get("field").asText().equals(field));
    }

    private ResponseEntity<JsonNode> promise(String date, String amount) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("promisedDate", date);
        form.add("promisedAmount", amount);
        return new PortalClient(anonymous).post(token, "promises", form, true);
    }
}
