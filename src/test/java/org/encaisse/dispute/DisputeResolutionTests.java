package org.encaisse.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The dispute path end to end: API, engine, real delegates, invoice and dispute tables. */
@EncaisseTest
class DisputeResolutionTests {

    @Autowired
    Api api;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    String customer;
    String invoice;

    @BeforeEach
    void invoice() {
        customer = api.customer();
        invoice = api.invoice(customer, "2026-01-05", "2026-02-04", "1000");
    }

    @AfterEach
    void logout() {
        identity.clearAuthentication();
    }

    @Test
    void aDeliveryDisputePausesTheInvoiceAndGoesToLogistics() {
        JsonNode dispute = open("livraison", "Il manque 3 palettes sur 10").getBody();
        assertThat(dispute.get("category").asText()).isEqualTo("DELIVERY");
        assertThat(dispute.get("routedGroup").asText()).isEqualTo("logistics");
        assertThat(dispute.get("status").asText()).isEqualTo("OPEN");
        assertThat(status()).isEqualTo("DISPUTED");

        Task task = taskFor(invoice);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(link -> "logistics".equals(link.getGroupId()));
        // The card says whose invoice, how much and what is contested; the description, what the customer said.
        assertThat(task.getName()).startsWith("Trancher le litige · Client ").contains(" — facture " + invoice + ", ")
                .endsWith(" €, livraison");
        assertThat(task.getDescription()).isEqualTo("« Il manque 3 palettes sur 10 »");
    }

    @Test
    void aCreditNoteLowersWhatIsOwedAndTheInvoiceRejoinsTheCase() {
        JsonNode dispute = open("PRICING", "Remise de 10 % non appliquée").getBody();
        resolve(Map.of("resolution", "CREDIT_NOTE", "creditNoteAmount", 100.0, "resolutionComment", "Remise accordée"));

        JsonNode after = api.get("/api/invoices/" + invoice).getBody();
        assertThat(after.get("status").asText()).isEqualTo("OPEN");
        assertThat(after.get("outstandingAmount").decimalValue()).isEqualByComparingTo("900");
        assertThat(after.get("paidAmount").decimalValue()).isEqualByComparingTo("0");
        JsonNode resolved = api.get("/api/disputes/" + dispute.get("id").asLong()).getBody();
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolution").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(resolved.get("resolutionAmount").decimalValue()).isEqualByComparingTo("100");
        assertThat(resolved.get("resolvedBy").asText()).isEqualTo("paul");
    }

    @Test
    void aCorrectedInvoiceReplacesItsAmountKeepingWhatWasPaid() {
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "2026-02-10", "amount": 300, "invoiceNumbers": ["%s"]}"""
                .formatted(Api.unique("VIR"), invoice));
        open("ADMINISTRATIVE", "Mauvais taux de TVA");
        resolve(Map.of("resolution", "CORRECTED_INVOICE", "correctedAmount", 950.0, "resolutionComment", "TVA corrigée"));

        JsonNode after = api.get("/api/invoices/" + invoice).getBody();
        assertThat(after.get("amount").decimalValue()).isEqualByComparingTo("950");
        assertThat(after.get("outstandingAmount").decimalValue()).isEqualByComparingTo("650");
        assertThat(after.get("status").asText()).isEqualTo("PARTIALLY_PAID");
    }

    @Test
    void aRejectedDisputeLeavesTheInvoiceDueAsIssued() {
        open("QUALITY", "Produit abîmé");
        resolve(Map.of("resolution", "REJECTED", "resolutionComment", "Photos de livraison conformes"));
        JsonNode after = api.get("/api/invoices/" + invoice).getBody();
        assertThat(after.get("status").asText()).isEqualTo("OPEN");
        assertThat(after.get("outstandingAmount").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void aCreditNoteAboveWhatIsOwedIsRefusedAndTheTaskStaysOpen() {
        open("PRICING", "Prix erroné");
        Task task = taskFor(invoice);
        identity.setAuthentication("paul", java.util.List.of("sales"));
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("resolution", "CREDIT_NOTE",
                "creditNoteAmount", 1500.0, "resolutionComment", "Tout")))
                .hasRootCauseInstanceOf(InvalidResolutionException.class)
                .hasMessageContaining("L'avoir dépasse le reste dû de 1000.00 EUR");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(status()).isEqualTo("DISPUTED");
    }

    @Test
    void anInvoiceHasAtMostOneOpenDispute() {
        open("PRICING", "Prix");
        ResponseEntity<JsonNode> second = open("QUALITY", "Qualité");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("detail").asText()).contains("already has an open dispute");
    }

    @Test
    void badDisputesAreRejectedWithTheirReason() {
        ResponseEntity<JsonNode> unknownCategory = api.post("/api/disputes",
                "{\"invoiceNumber\": \"%s\", \"category\": \"humeur\"}".formatted(invoice));
        assertThat(unknownCategory.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknownCategory.getBody().get("errors").get(0).get("field").asText()).isEqualTo("category");
        ResponseEntity<JsonNode> unknownInvoice = api.post("/api/disputes",
                "{\"invoiceNumber\": \"NOPE\", \"category\": \"PRICING\"}");
        assertThat(unknownInvoice.getBody().get("errors").get(0).get("reason").asText()).contains("not a known invoice");
        assertThat(status()).isEqualTo("OPEN");
    }

    private ResponseEntity<JsonNode> open(String category, String description) {
        ResponseEntity<JsonNode> response = api.post("/api/disputes", """
                {"invoiceNumber": "%s", "category": "%s", "description": "%s"}""".formatted(invoice, category, description));
        if (response.getStatusCode() == HttpStatus.CREATED) {
            assertThat(response.getBody().get("processInstanceId").asText()).isNotBlank();
        }
        return response;
    }

    /** Completes the resolution task as the sales rep would in Tasklist, then runs the jobs that follow. */
    private void resolve(Map<String, Object> form) {
        Task task = taskFor(invoice);
        // Whoever resolves it belongs to the team the dispute was routed to: no one else may work the task.
        String team = tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(link -> link.getGroupId()).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        identity.setAuthentication("paul", java.util.List.of(team));
        tasks.claim(task.getId(), "paul");
        tasks.complete(task.getId(), form);
        identity.clearAuthentication();
        for (int i = 0; i < 5; i++) {
            Job job = management.createJobQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
            if (job == null) {
                return;
            }
            management.executeJob(job.getId());
        }
    }

    private Task taskFor(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_ResolveDispute")
                .singleResult();
    }

    private String status() {
        return api.get("/api/invoices/" + invoice).getBody().get("status").asText();
    }
}
