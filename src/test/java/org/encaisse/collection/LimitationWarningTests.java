package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The daily run warns the managers, in the customer's case, of a debt whose claim expires within six months: once
 * per limitation date, however many runs follow, and again only when an acknowledgment's new date comes near.
 */
@EncaisseTest
class LimitationWarningTests {

    @Autowired
    Api api;

    @Autowired
    TaskService tasks;

    private final LocalDate today = ParisDate.today();

    @Test
    void aDebtNearingItsLimitationRaisesOneManagersTaskUntilAnAcknowledgmentRestartsTheClock() {
        String customer = api.customer();
        String nearing = api.invoice(customer, today.minusYears(5).plusMonths(2).toString(),
                today.minusYears(5).plusMonths(3).toString(), "2400");
        String recent = api.invoice(customer, today.minusDays(60).toString(), today.minusDays(30).toString(), "500");

        JsonNode run = agingRun();
        assertThat(run.get("limitationWarnings").asInt()).isPositive();
        List<Task> warnings = warningsOf(customer);
        assertThat(warnings).hasSize(1);
        Task warning = warnings.get(0);
        assertThat(warning.getName()).startsWith("Créance bientôt prescrite · Client " + customer + " SAS — ");
        assertThat(tasks.getVariable(warning.getId(), "limitedInvoice")).isEqualTo(nearing);
        assertThat(tasks.getVariable(warning.getId(), "limitationDate"))
                .isEqualTo(today.minusYears(5).plusMonths(3).plusYears(5).toString());
        assertThat(tasks.getIdentityLinksForTask(warning.getId())).anyMatch(link -> "managers".equals(link.getGroupId()));
        assertThat(api.get("/api/analytics/aged-balance?source=invoices&limit=100000").getBody().get("customers"))
                .anyMatch(line -> line.get("externalId").asText().equals(customer)
                        && line.get("soonestLimitation").asText().equals(today.plusMonths(3).toString()));

        // The next day's run, or the same day's run again, finds the warning given.
        agingRun();
        assertThat(warningsOf(customer)).hasSize(1);

        // A collector may not answer it: the task belongs to the managers.
        String manager = api.user("managers");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(api.as(manager).postForEntity("/engine-rest/task/" + warning.getId() + "/claim",
                new HttpEntity<>("{\"userId\": \"" + manager + "\"}", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> withoutDate = api.as(manager).postForEntity("/engine-rest/task/" + warning.getId()
                + "/complete", new HttpEntity<>("""
                {"variables": {"claimSecuredBy": {"value": "ACKNOWLEDGMENT"},
                               "limitationComment": {"value": "Lettre du débiteur"}}}""", headers), String.class);
        assertThat(withoutDate.getStatusCode().is2xxSuccessful()).as(withoutDate.getBody()).isFalse();
        assertThat(withoutDate.getBody()).contains("Donnez la date de la reconnaissance");
        ResponseEntity<String> completed = api.as(manager).postForEntity("/engine-rest/task/" + warning.getId()
                + "/complete", new HttpEntity<>("""
                {"variables": {"claimSecuredBy": {"value": "ACKNOWLEDGMENT"}, "acknowledgedOn": {"value": "%s"},
                               "limitationComment": {"value": "Lettre du débiteur reconnaissant la dette"}}}"""
                .formatted(today.minusDays(2)), headers), String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(limitationOf(customer, nearing)).isEqualTo(today.minusDays(2).plusYears(5).toString());
        assertThat(limitationOf(customer, recent)).isEqualTo(today.minusDays(30).plusYears(5).toString());
        agingRun();
        assertThat(warningsOf(customer)).isEmpty();
        JsonNode timeline = api.get("/api/customers/" + customer + "/timeline").getBody();
        assertThat(timeline).anyMatch(event -> event.get("kind").asText().equals("DEBT_ACKNOWLEDGED")
                && event.get("who").asText().equals(manager));
    }

    @Test
    void aManagerWhoLetsAClaimExpireSaysWhyInTheAuditTrail() {
        String customer = api.customer();
        String nearing = api.invoice(customer, today.minusYears(5).plusDays(10).toString(),
                today.minusYears(5).plusDays(40).toString(), "35");
        agingRun();
        Task warning = warningsOf(customer).get(0);
        tasks.complete(warning.getId(), java.util.Map.of("claimSecuredBy", "LET_EXPIRE",
                "limitationComment", "Montant trop faible pour une action"));
        JsonNode timeline = api.get("/api/customers/" + customer + "/timeline").getBody();
        assertThat(timeline).anyMatch(event -> event.get("kind").asText().equals("LIMITATION_LET_EXPIRE")
                && event.toString().contains(nearing));
        agingRun();
        assertThat(warningsOf(customer)).isEmpty();
    }

    private JsonNode agingRun() {
        ResponseEntity<JsonNode> run = api.post("/api/aging-runs", "");
        assertThat(run.getStatusCode().is2xxSuccessful()).as(String.valueOf(run.getBody())).isTrue();
        return run.getBody();
    }

    private List<Task> warningsOf(String customer) {
        return tasks.createTaskQuery().processInstanceBusinessKey(customer)
                .taskDefinitionKey("Task_SecureClaimBeforeLimitation").list();
    }

    private String limitationOf(String customer, String number) {
        for (JsonNode invoice : api.get("/api/customers/" + customer + "/invoices").getBody()) {
            if (invoice.get("number").asText().equals(number)) {
                return invoice.path("limitationDate").asText(null);
            }
        }
        throw new AssertionError(number + " is not among " + customer + "'s invoices");
    }
}
