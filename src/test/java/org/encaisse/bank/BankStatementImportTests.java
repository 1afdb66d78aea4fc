package org.encaisse.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.access.Groups;
import org.encaisse.support.Api;
import org.encaisse.support.CaseWork;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Atelier Lumière's bank statements go in as its bank sends them: what names its invoices or comes from a known
 * IBAN is applied on its own, with the rule that matched it; the rest waits in "Rapprocher le paiement", where
 * a collector's answer is applied and teaches the payer's IBAN; debits, pending entries and other accounts'
 * statements are listed back; the same statement twice records nothing twice.
 */
@EncaisseTest
class BankStatementImportTests {

    @Autowired
    Api api;

    @Autowired
    CaseWork work;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    BankEntries entries;

    @Test
    void aCamt053OfThreeStatementsIsAppliedMatchedAndListedAndRecordedOnce() {
        String run = BankSamples.run();
        BankSamples.ledger(api, run, false);
        byte[] statement = BankSamples.camt(BankSamples.CAMT_08, run);

        JsonNode dryRun = imported(BankSamples.CAMT_08 + "?dryRun=true", statement);
        assertThat(dryRun.get("applied").asInt()).isEqualTo(3);
        assertThat(invoice(run + "FA2026-0073").get("status").asText()).isEqualTo("OPEN");
        assertThat(entries.findByBankReference(run + "2026120300001")).isEmpty();
        assertThat(matchingTasks(run)).isEmpty();

        JsonNode summary = imported(BankSamples.CAMT_08, statement);
        assertThat(summary.get("format").asText()).isEqualTo("camt.053.001.08");
        assertThat(summary.get("sha256").asText()).hasSize(64);
        assertThat(summary.get("statements").asInt()).isEqualTo(3);
        assertThat(summary.get("entries").asInt()).isEqualTo(10);
        assertThat(summary.get("paymentsReceived").asInt()).isEqualTo(7);
        assertThat(summary.get("applied").asInt()).isEqualTo(3);
        assertThat(summary.get("leftToMatch").asInt()).isEqualTo(4);
        assertThat(summary.get("listed").asInt()).isEqualTo(3);

        // Unstructured remittance naming one invoice, paid in full.
        JsonNode chevalier = applied(summary, run + "2026120300001");
        assertThat(chevalier.get("rule").asText()).isEqualTo("REMITTANCE_NAMES_INVOICES");
        assertThat(chevalier.get("customerExternalId").asText()).isEqualTo(run + "CLT0101");
        assertThat(invoice(run + "FA2026-0073").get("status").asText()).isEqualTo("PAID");
        // Structured remittance: two referred documents of one customer.
        assertThat(applied(summary, run + "2026120300002").get("invoiceNumbers")).hasSize(2);
        assertThat(invoice(run + "FA2026-0081").get("status").asText()).isEqualTo("PAID");
        assertThat(invoice(run + "FA2026-0082").get("status").asText()).isEqualTo("PAID");
        // One transfer of a batched entry, named by its end-to-end id.
        assertThat(applied(summary, run + "2026120400011").get("invoiceNumbers").get(0).asText())
                .isEqualTo(run + "FA2026-0084");
        assertThat(invoice(run + "FA2026-0084").get("status").asText()).isEqualTo("PAID");

        assertThat(summary.get("listedEntries").findValuesAsText("reason")).anyMatch(r -> r.startsWith("a debit"))
                .anyMatch(r -> r.contains("pending")).anyMatch(r -> r.contains("not one of the company's accounts"));

        // The rule that matched is in the audit trail and the customer's timeline.
        JsonNode audit = api.get("/api/customers/" + run + "CLT0101/timeline").getBody();
        assertThat(audit.toString()).contains("BANK_ENTRY_MATCHED").contains("rule:bank-matching:REMITTANCE_NAMES_INVOICES");

        assertThat(matchingTasks(run)).hasSize(4);
        // The history of imports has the file, not its dry run: who, which file by name and hash, what it did.
        JsonNode history = api.get("/api/imports/history?limit=500").getBody();
        java.util.List<JsonNode> runs = new java.util.ArrayList<>();
        history.forEach(line -> {
            if (line.get("sha256").asText().equals(summary.get("sha256").asText())) {
                runs.add(line);
            }
        });
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("kind").asText()).isEqualTo("bank-statement");
        assertThat(runs.get(0).get("fileName").asText()).isEqualTo(BankSamples.CAMT_08);
        assertThat(runs.get(0).get("importedBy").asText()).isEqualTo(Api.ADMIN);
        assertThat(runs.get(0).at("/counts/applied").asInt()).isEqualTo(3);
        assertThat(runs.get(0).at("/counts/leftToMatch").asInt()).isEqualTo(4);

        JsonNode again = imported(BankSamples.CAMT_08, statement);
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(7);
        assertThat(again.get("applied").asInt()).isZero();
        assertThat(again.get("leftToMatch").asInt()).isZero();
        assertThat(matchingTasks(run)).hasSize(4);
    }

    @Test
    void collectorsMatchWhatTheRulesLeftAndTheNextTransferFromTheSameIbanGoesInOnItsOwn() {
        String run = BankSamples.run();
        BankSamples.ledger(api, run, true);
        imported(BankSamples.CAMT_08, BankSamples.camt(BankSamples.CAMT_08, run));
        String collector = api.user(Groups.COLLECTORS);

        // Menuiserie Ragot's transfer names no invoice; its name and the amount of one of its invoices rank it first.
        ProcessInstance ragot = matching(run + "2026120400013");
        Task task = tasks.createTaskQuery().processInstanceId(ragot.getId()).singleResult();
        assertThat(task.getName()).startsWith("Rapprocher le paiement · 2 700,00 € — MENUISERIE RAGOT, 04/12/2026");
        assertThat(task.getDescription()).contains("Menuiserie Ragot (" + run + "CLT0107)");
        assertThat(runtime.getVariable(ragot.getId(), "customerExternalId")).isEqualTo(run + "CLT0107");
        assertThat(runtime.getVariable(ragot.getId(), "invoiceNumbers")).isEqualTo(run + "FA2026-0087");
        work.work(ragot.getId(), "Task_MatchPayment", collector, """
                {"matchDecision": {"value": "CUSTOMER_PAYMENT"}, "customerExternalId": {"value": "%s"},
                 "invoiceNumbers": {"value": "%s"}}""".formatted(run + "CLT0107", run + "FA2026-0087"));
        work.runJobs(ragot.getId());
        assertThat(invoice(run + "FA2026-0087").get("status").asText()).isEqualTo("PAID");
        BankEntry matched = entries.findByBankReference(run + "2026120400013").orElseThrow();
        assertThat(matched.getStatus()).isEqualTo(BankEntry.Status.MATCHED_BY_HAND);
        assertThat(matched.getMatchedBy()).isEqualTo(collector);

        // Pharmacie de l'Étoile paid 1,800 of the 2,100 its two invoices leave: applied as the collector says.
        ProcessInstance pharmacy = matching(run + "2026120400012");
        assertThat(runtime.getVariable(pharmacy.getId(), "invoiceNumbers"))
                .isEqualTo(run + "FA2026-0085, " + run + "FA2026-0086");
        work.work(pharmacy.getId(), "Task_MatchPayment", collector, """
                {"matchDecision": {"value": "CUSTOMER_PAYMENT"}, "customerExternalId": {"value": "%s"},
                 "invoiceNumbers": {"value": "%s, %s"}}""".formatted(run + "CLT0105", run + "FA2026-0085",
                run + "FA2026-0086"));
        work.runJobs(pharmacy.getId());
        assertThat(invoice(run + "FA2026-0085").get("status").asText()).isEqualTo("PAID");
        assertThat(invoice(run + "FA2026-0086").get("outstandingAmount").decimalValue()).isEqualByComparingTo("300.00");

        // An answer that cannot be applied keeps the task open and says why.
        ProcessInstance cave = matching(run + "2026120400040");
        ResponseEntity<String> refused = work.tryToComplete(cave.getId(), "Task_MatchPayment", collector, """
                {"matchDecision": {"value": "CUSTOMER_PAYMENT"}, "customerExternalId": {"value": "%s"},
                 "invoiceNumbers": {"value": "%s"}}""".formatted(run + "CLT0106", run + "FA2026-0073"));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody()).contains("FA2026-0073 n'est pas de Cave Saint-Émilion SARL");
        assertThat(tasks.createTaskQuery().processInstanceId(cave.getId()).count()).isEqualTo(1);

        // A public grant is no customer's payment: set aside, recorded nowhere else.
        ProcessInstance grant = matching(run + "2026120400030");
        assertThat(runtime.getVariable(grant.getId(), "customerExternalId")).isNull();
        work.work(grant.getId(), "Task_MatchPayment", collector, """
                {"matchDecision": {"value": "NOT_CUSTOMER_PAYMENT"}, "matchComment": {"value": "Subvention BPI"}}""");
        work.runJobs(grant.getId());
        assertThat(entries.findByBankReference(run + "2026120400030").orElseThrow().getStatus())
                .isEqualTo(BankEntry.Status.SET_ASIDE);

        // The next day, Menuiserie Ragot pays from the IBAN the collector's match taught: no one needs to look.
        JsonNode later = imported(BankSamples.CAMT_02, BankSamples.camt(BankSamples.CAMT_02, run));
        assertThat(later.get("format").asText()).isEqualTo("camt.053.001.02");
        assertThat(later.get("applied").asInt()).isEqualTo(1);
        assertThat(later.get("listed").asInt()).isEqualTo(1);
        assertThat(applied(later, run + "2026120500101").get("rule").asText()).isEqualTo("IBAN_AND_INVOICE_AMOUNT");
        assertThat(invoice(run + "FA2026-0089").get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void anIbanStatedFromTheCustomersBankDetailsIsTrustedAndOneForgottenIsNot() {
        String run = BankSamples.run();
        // Without the 2,700 invoice, which would make this run's Ragot as likely a payer as another test's.
        BankSamples.customer(api, run, "CLT0107", "Menuiserie Ragot", java.util.Map.of("FA2026-0089", "1150.00"));
        String ragot = run + "CLT0107";
        String iban = BankSamples.ibanOf(run);
        assertThat(api.put("/api/customers/" + ragot + "/ibans/FR7600000000000000000000001", "").getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode stated = api.put("/api/customers/" + ragot + "/ibans/" + iban, "").getBody();
        assertThat(stated.findValuesAsText("iban")).containsExactly(iban);
        assertThat(stated.get(0).get("learntFrom").asText()).isEqualTo("stated by " + Api.ADMIN);

        JsonNode next = imported(BankSamples.CAMT_02, BankSamples.camt(BankSamples.CAMT_02, run));
        assertThat(applied(next, run + "2026120500101").get("rule").asText()).isEqualTo("IBAN_AND_INVOICE_AMOUNT");
        assertThat(api.get("/api/customers/" + ragot + "/timeline").getBody().toString()).contains("CUSTOMER_IBAN_STATED");

        assertThat(api.delete("/api/customers/" + ragot + "/ibans/" + iban).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.get("/api/customers/" + ragot + "/ibans").getBody()).isEmpty();
        assertThat(api.delete("/api/customers/" + ragot + "/ibans/" + iban).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCfonb120StatementGoesInAsWell() {
        String run = BankSamples.run();
        BankSamples.ledger(api, run, false);
        JsonNode summary = imported(BankSamples.CFONB, BankSamples.cfonb(run));
        assertThat(summary.get("format").asText()).isEqualTo("CFONB 120");
        assertThat(summary.get("entries").asInt()).isEqualTo(3);
        assertThat(summary.get("applied").asInt()).isEqualTo(1);
        assertThat(summary.at("/appliedPayments/0/customerExternalId").asText()).isEqualTo(run + "CLT0110");
        assertThat(invoice(run + "FA2026-0090").get("status").asText()).isEqualTo("PAID");
        assertThat(summary.get("leftToMatch").asInt()).isEqualTo(1);
        assertThat(summary.at("/toMatch/0/amount").decimalValue()).isEqualByComparingTo("650.00");
        assertThat(summary.get("listed").asInt()).isEqualTo(1);
        assertThat(summary.at("/listedEntries/0/reason").asText()).startsWith("a debit");

        JsonNode again = imported(BankSamples.CFONB, BankSamples.cfonb(run));
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(2);
        assertThat(again.get("applied").asInt()).isZero();
    }

    private JsonNode imported(String name, byte[] content) {
        String query = name.contains("?") ? name.substring(name.indexOf('?')) : "";
        String file = name.contains("?") ? name.substring(0, name.indexOf('?')) : name;
        ResponseEntity<JsonNode> response = api.upload("/api/imports/bank-statements" + query, file, content);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode invoice(String number) {
        return api.get("/api/invoices/" + number).getBody();
    }

    private static JsonNode applied(JsonNode summary, String reference) {
        for (JsonNode applied : summary.get("appliedPayments")) {
            if (applied.get("bankReference").asText().equals(reference)) {
                return applied;
            }
        }
        throw new AssertionError("no payment applied under " + reference + " in " + summary);
    }

    private List<ProcessInstance> matchingTasks(String run) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(BankMatchingVariables.PROCESS).list().stream()
                .filter(instance -> instance.getBusinessKey().startsWith(run)).toList();
    }

    /** The matching process of the entry, once it proposed the likely customers, in its job, as the executor would. */
    private ProcessInstance matching(String reference) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(BankMatchingVariables.PROCESS)
                .processInstanceBusinessKey(reference).singleResult();
        work.runJobs(instance.getId());
        return instance;
    }
}
