package org.encaisse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit chain holds, names the first entry changed, and the timeline tells why a case went where it went. */
@EncaisseTest
class AuditTrailTests {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    AuditTrail trail;

    @Autowired
    PlatformTransactionManager transactions;

    private final LocalDate today = ParisDate.today();

    @Test
    void theChainHoldsUnderConcurrentAppendsAndNamesTheFirstEntryChanged() throws Exception {
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String customer = api.customer();
            invoices.add(customer + "/" + api.invoice(customer, today.minusDays(40).toString(), today.minusDays(10).toString(), "100.00"));
        }
        ExecutorService payers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> paid = new ArrayList<>();
            for (String pair : invoices) {
                paid.add(payers.submit(() -> api.post("/api/payments", """
                        {"bankReference": "%s", "date": "%s", "amount": 40.00, "invoiceNumbers": ["%s"]}"""
                        .formatted(Api.unique("VIR"), today, pair.split("/")[1]))));
            }
            for (Future<?> payment : paid) {
                payment.get();
            }
        } finally {
            payers.shutdown();
        }
        JsonNode verdict = api.get("/api/audit/verification").getBody();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("entries").asLong()).isGreaterThanOrEqualTo(12);

        Long tampered = jdbc.queryForObject("SELECT MAX(id) FROM audit_entry WHERE action = 'PAYMENT_RECORDED'", Long.class);
        String original = jdbc.queryForObject("SELECT details FROM audit_entry WHERE id = ?", String.class, tampered);
        try {
            jdbc.update("UPDATE audit_entry SET details = ? WHERE id = ?", "4.00 EUR", tampered);
            JsonNode broken = api.get("/api/audit/verification").getBody();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("brokenAt").asLong()).isEqualTo(tampered);
            assertThat(broken.get("reason").asText()).contains("content was changed");
        } finally {
            jdbc.update("UPDATE audit_entry SET details = ? WHERE id = ?", original, tampered);
        }
        assertThat(api.get("/api/audit/verification").getBody().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anOpenTransactionDoesNotHoldTheChainAndARolledBackOneLeavesNoEntry() throws Exception {
        String committed = Api.unique("kept");
        String rolledBack = Api.unique("undone");
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            outer.executeWithoutResult(status -> {
                trail.append("test", "TEST_FACT", null, committed, null, null);
                inner.executeWithoutResult(nested -> {
                    trail.append("test", "TEST_FACT", null, rolledBack, null, null);
                    nested.setRollbackOnly();
                });
                // Another transaction appends and commits while this one is still open: it must not wait for it.
                Future<?> meanwhile = other.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(
                        elsewhere -> trail.append("test", "TEST_FACT", null, committed + "-meanwhile", null, null)));
                try {
                    meanwhile.get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("an append waited for another transaction still open", e);
                }
            });
        } finally {
            other.shutdownNow();
        }
        List<String> subjects = jdbc.queryForList("SELECT subject FROM audit_entry WHERE subject LIKE ? OR subject = ? "
                + "ORDER BY id", String.class, committed + "%", rolledBack);
        assertThat(subjects).containsExactly(committed + "-meanwhile", committed);
        assertThat(api.get("/api/audit/verification").getBody().get("intact").asBoolean()).isTrue();
    }

    @Test
    void theTimelineShowsWhichRuleWhichLettersAndWhoDecidedWithTheInvoices() {
        String customer = api.customer();
        String invoice = api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "900.00");
        api.post("/api/aging-runs", "");
        String caseId = runtime.createProcessInstanceQuery().processDefinitionKey("CollectionCaseProcess")
                .processInstanceBusinessKey(customer).singleResult().getId();
        for (int i = 0; i < 10 && tasks.createTaskQuery().processInstanceId(caseId).count() == 0; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(caseId).orderByJobDuedate().asc().list();
            management.executeJob(jobs.get(0).getId());
        }
        identity.setAuthentication(Api.ADMIN, List.of("managers", "camunda-admin"));
        try {
            tasks.complete(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId(),
                    Map.of("callOutcome", "NO_AGREEMENT"));
        } finally {
            identity.clearAuthentication();
        }

        List<JsonNode> timeline = new ArrayList<>();
        api.get("/api/customers/" + customer + "/timeline").getBody().forEach(timeline::add);
        List<String> kinds = timeline.stream().map(event -> event.get("kind").asText()).toList();
        // The engine's MariaDB tables keep whole seconds: within one second, order between sources is not told.
        assertThat(kinds).contains("INVOICES_IMPORTED", "DECISION", "LETTER_RECORDED", "STEP_ENTERED", "OUTCOME_ENTERED");
        assertThat(kinds.stream().filter(kind -> kind.startsWith("LETTER_")).count()).isEqualTo(2);
        JsonNode decision = timeline.stream().filter(e -> e.get("kind").asText().equals("DECISION")).findFirst().orElseThrow();
        assertThat(decision.get("who").asText()).isEqualTo("rule:CollectionScheduleDecision");
        assertThat(decision.get("what").asText()).contains("Risque client", "Relance 2 (jours après échéance) = 14");
        JsonNode outcome = timeline.stream().filter(e -> e.get("kind").asText().equals("OUTCOME_ENTERED")).findFirst()
                .orElseThrow();
        assertThat(outcome.get("who").asText()).isEqualTo(Api.ADMIN);
        assertThat(outcome.get("what").asText()).contains("callOutcome = NO_AGREEMENT");
        JsonNode letter = timeline.stream().filter(e -> e.get("kind").asText().equals("LETTER_RECORDED")).findFirst()
                .orElseThrow();
        assertThat(letter.get("invoices")).extracting(JsonNode::asText).containsExactly(invoice);
        assertThat(letter.get("who").asText()).isEqualTo("rule:case " + caseId);
        assertThat(timeline).extracting(e -> java.time.Instant.parse(e.get("at").asText())).isSorted();

        List<JsonNode> ofInvoice = new ArrayList<>();
        api.get("/api/invoices/" + invoice + "/timeline").getBody().forEach(ofInvoice::add);
        assertThat(ofInvoice).isNotEmpty().allMatch(event -> event.get("invoices").toString().contains(invoice));
    }
}
