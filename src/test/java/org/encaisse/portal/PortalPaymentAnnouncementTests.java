package org.encaisse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * "We already paid", said from the portal: the collectors get "Vérifier le paiement annoncé", the open call's
 * briefing shows it, the collector's finding goes to the timeline; a date to come, more than owed or another
 * customer's invoice is refused with nothing started.
 */
@EncaisseTest
class PortalPaymentAnnouncementTests {

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

    private final LocalDate today = ParisDate.today();
    private String customer;
    private String invoice;
    private String token;

    @BeforeEach
    void aCustomerWithItsLink() {
        customer = api.customer();
        invoice = api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "1250.00");
        String link = links.issue(customers.get(customer).getId(), "test");
        token = link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void theCollectorsCheckTheAnnouncedPaymentAndTheCallBriefingShowsIt() {
        api.post("/api/aging-runs", "");
        Task call = work.nextTask(work.caseOf(customer));
        ResponseEntity<JsonNode> announced = announce(today.minusDays(2).toString(), "1250,00", "VIR-2026-7781", invoice, true);
        assertThat(announced.getStatusCode()).as(String.valueOf(announced.getBody())).isEqualTo(HttpStatus.CREATED);

        Task check = tasks.createTaskQuery().processDefinitionKey("PaymentAnnouncementProcess")
                .processInstanceBusinessKey(customer).singleResult();
        assertThat(check.getTaskDefinitionKey()).isEqualTo("Task_CheckAnnouncedPayment");
        assertThat(check.getName()).startsWith("Vérifier le paiement annoncé · ");
        assertThat(tasks.getIdentityLinksForTask(check.getId())).anyMatch(link -> "collectors".equals(link.getGroupId()));
        assertThat(tasks.getVariable(check.getId(), "announcedReference")).isEqualTo("VIR-2026-7781");

        // The call's briefing is written again when the collector claims it: the announcement is in it.
        String collector = api.user("collectors");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(api.as(collector).postForEntity("/engine-rest/task/" + call.getId() + "/claim",
                new HttpEntity<>("{\"userId\": \"" + collector + "\"}", json), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat((String) tasks.getVariableLocal(call.getId(), "briefing"))
                .contains("Paiements annoncés par le client, à vérifier :\n- 1250.00 EUR payé le "
                        + today.minusDays(2).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ", réf. VIR-2026-7781");

        String checkId = check.getId();
        assertThat(api.as(collector).postForEntity("/engine-rest/task/" + checkId + "/claim",
                new HttpEntity<>("{\"userId\": \"" + collector + "\"}", json), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> withoutComment = api.as(collector).postForEntity("/engine-rest/task/" + checkId + "/complete",
                new HttpEntity<>("{\"variables\": {\"paymentCheck\": {\"value\": \"NOT_FOUND\"}}}", json), String.class);
        assertThat(withoutComment.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(withoutComment.getBody()).contains("Dites ce que vous avez vérifié");
        assertThat(api.as(collector).postForEntity("/engine-rest/task/" + checkId + "/complete", new HttpEntity<>("""
                {"variables": {"paymentCheck": {"value": "NOT_FOUND"},
                               "checkComment": {"value": "Aucun virement VIR-2026-7781 sur les relevés du 1er au 6"}}}""",
                json), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.get("/api/customers/" + customer + "/timeline").getBody())
                .anyMatch(event -> event.get("kind").asText().equals("PAYMENT_ANNOUNCED")
                        && event.get("who").asText().startsWith("portal:link "))
                .anyMatch(event -> event.get("kind").asText().equals("ANNOUNCED_PAYMENT_NOT_FOUND")
                        && event.get("who").asText().equals(collector));
    }

    @Test
    void aDateToComeMoreThanOwedOrAnotherCustomersInvoiceIsRefusedAndNothingStarts() {
        String othersInvoice = api.invoice(api.customer(), today.minusDays(50).toString(), today.minusDays(20).toString(), "80");
        assertRefused(announce(today.plusDays(1).toString(), "100", null, null, true), "paidOn");
        assertRefused(announce(today.minusDays(1).toString(), "1250.01", null, null, true), "amount");
        assertRefused(announce(today.minusDays(1).toString(), "80", null, othersInvoice, true), "invoiceNumbers");
        assertRefused(announce(today.minusDays(1).toString(), "12.345", null, null, true), "amount");
        assertThat(announce(today.minusDays(1).toString(), "100", null, null, false).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(announce(today.minusDays(1).toString(), "100", null, null, true).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("PaymentAnnouncementProcess")
                .processInstanceBusinessKey(customer).count()).isEqualTo(1);
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer, String field) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors")).anyMatch(error -> error.get("field").asText().equals(field));
    }

    private ResponseEntity<JsonNode> announce(String paidOn, String amount, String reference, String number, boolean csrf) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("paidOn", paidOn);
        form.add("amount", amount);
        if (reference != null) {
            form.add("bankReference", reference);
        }
        if (number != null) {
            form.add("invoiceNumbers", number);
        }
        return new PortalClient(anonymous).post(token, "payment-announcements", form, csrf);
    }
}
