package org.encaisse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.access.Groups;
import org.encaisse.support.Api;
import org.encaisse.support.CaseWork;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.encaisse.support.PdfText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What issue 6 asks an auditor to do: from the timeline alone, tell why a customer reached the
 * formal notice (which rule, how many days late, which letters came before, who decided), then
 * take the case file with the letters as sent. The people work their tasks over the engine's REST
 * API with their own accounts, as Tasklist does, under the permission matrix.
 */
@EncaisseTest
class FormalNoticeReconstructionTests {

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    @Autowired
    CaseWork caseWork;

    @Test
    void anAuditorReconstructsWhyTheCustomerReachedTheFormalNotice() throws Exception {
        String collector = api.user(Groups.COLLECTORS);
        String salesRep = api.user(Groups.SALES);
        String manager = api.user(Groups.MANAGERS);
        String auditor = api.user(Groups.AUDITORS);
        String customer = api.customer();
        LocalDate today = ParisDate.today();
        String invoice = api.invoice(customer, today.minusDays(90).toString(), today.minusDays(60).toString(), "1200.00");

        api.post("/api/aging-runs", "");
        String caseId = runtime.createProcessInstanceQuery().processDefinitionKey("CollectionCaseProcess")
                .processInstanceBusinessKey(customer).singleResult().getId();
        work(caseId, "Task_CallCustomer", collector, "{\"callOutcome\": {\"value\": \"NO_AGREEMENT\"}}");
        work(caseId, "Task_AskSalesRepToCall", salesRep,
                "{\"buyerReached\": {\"value\": \"false\"}, \"salesCallNotes\": {\"value\": \"Messagerie\"}}");
        work(caseId, "Task_DecideDeliveryBlock", manager,
                "{\"blockDeliveries\": {\"value\": false}, \"blockComment\": {\"value\": \"Client historique\"}}");
        assertThat(nextTask(caseId).getTaskDefinitionKey()).isEqualTo("Task_DecideAgencyHandoff");
        deliverLetters(customer);

        ResponseEntity<JsonNode> read = api.as(auditor)
                .getForEntity("/api/customers/" + customer + "/timeline", JsonNode.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> timeline = new ArrayList<>();
        read.getBody().forEach(timeline::add);
        assertThat(timeline).extracting(e -> Instant.parse(e.get("at").asText())).isSorted();

        // Which rule, with which figures.
        JsonNode schedule = first(timeline, "DECISION", "Mise en demeure (jours après échéance)");
        assertThat(schedule.get("who").asText()).isEqualTo("rule:CollectionScheduleDecision");
        assertThat(schedule.get("what").asText()).contains("(rule Rule_Default)", "Mise en demeure (jours après échéance) = 45");

        // Which letters before it, each sent, on which invoice and how late it was.
        List<String> letters = timeline.stream().filter(e -> e.get("kind").asText().equals("LETTER_RECORDED"))
                .map(e -> e.get("what").asText()).toList();
        assertThat(letters).hasSize(4);
        assertThat(letters.get(0)).contains("FIRST_REMINDER", invoice + " 60 days late");
        assertThat(letters.get(1)).contains("SECOND_REMINDER");
        assertThat(letters.get(2)).contains("FIRM_LETTER");
        assertThat(letters.get(3)).contains("FORMAL_NOTICE", "level 3", "REGISTERED_LETTER", "1200.00 EUR outstanding", invoice + " 60 days late");
        assertThat(timeline.stream().filter(e -> e.get("kind").asText().equals("LETTER_SENT")).count()).isEqualTo(4);
        JsonNode notice = first(timeline, "LETTER_RECORDED", "FORMAL_NOTICE");
        assertThat(notice.get("invoices")).extracting(JsonNode::asText).containsExactly(invoice);

        // Who decided on the way, with what they entered.
        assertThat(first(timeline, "OUTCOME_ENTERED", "callOutcome = NO_AGREEMENT").get("who").asText()).isEqualTo(collector);
        assertThat(first(timeline, "OUTCOME_ENTERED", "buyerReached = false").get("who").asText()).isEqualTo(salesRep);
        assertThat(first(timeline, "OUTCOME_ENTERED", "blockDeliveries = false").get("who").asText()).isEqualTo(manager);
        assertThat(indexOf(timeline, notice)).isGreaterThan(indexOf(timeline,
                first(timeline, "OUTCOME_ENTERED", "blockDeliveries = false")));

        // The case file, with every letter as it went out.
        ResponseEntity<JsonNode> file = api.as(auditor)
                .getForEntity("/api/customers/" + customer + "/case-file", JsonNode.class);
        assertThat(file.getBody().has("caseId")).as("never handed over").isFalse();
        assertThat(file.getBody().get("letters")).extracting(l -> l.get("step").asText())
                .containsExactly("FIRST_REMINDER", "SECOND_REMINDER", "FIRM_LETTER", "FORMAL_NOTICE");
        assertThat(file.getBody().get("letters")).allMatch(l -> l.get("document").asText().startsWith("/api/communications/"));
        ResponseEntity<byte[]> pdf = api.as(auditor)
                .getForEntity("/api/customers/" + customer + "/case-file.pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(PdfText.of(pdf.getBody())).contains("Dossier de recouvrement", invoice, "Chronologie", "Annexe",
                // Only the letters carry the creditor's bank details.
                "FR76 3000 6000 0112 3456 7890 189",
                // The two reminders went out as email bodies; the file prints them.
                "Rappel de factures échues", "Second rappel de factures impayées");
        int letterPages = 0;
        for (JsonNode letter : file.getBody().get("letters")) {
            ResponseEntity<byte[]> sent = api.as(auditor).getForEntity(letter.get("document").asText(), byte[].class);
            if (letter.get("channel").asText().equals("EMAIL")) {
                assertThat(sent.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
                letterPages++;
                continue;
            }
            try (PDDocument document = Loader.loadPDF(sent.getBody())) {
                letterPages += document.getNumberOfPages();
            }
        }
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(document.getNumberOfPages()).as("the file, then its four letters").isGreaterThan(letterPages);
        }
        assertThat(api.as(auditor).postForEntity("/api/aging-runs", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void work(String caseId, String taskKey, String user, String variables) {
        caseWork.work(caseId, taskKey, user, variables);
    }

    private Task nextTask(String caseId) {
        return caseWork.nextTask(caseId);
    }

    private void deliverLetters(String customer) {
        caseWork.deliverLetters(customer);
    }

    private static JsonNode first(List<JsonNode> timeline, String kind, String saying) {
        return timeline.stream()
                .filter(e -> e.get("kind").asText().equals(kind) && e.get("what").asText().contains(saying))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " saying '" + saying + "' in " + timeline));
    }

    private static int indexOf(List<JsonNode> timeline, JsonNode event) {
        return timeline.indexOf(event);
    }

}
