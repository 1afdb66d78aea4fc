package org.encaisse.court;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.encaisse.access.Groups;
import org.encaisse.letter.StatutoryRates;
import org.encaisse.support.Api;
import org.encaisse.support.CaseWork;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.encaisse.support.PdfText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * After the formal notice the manager asks the commercial court for an injunction to pay: the request is prepared
 * with the amounts computed to the day, filed (the limitation clock stops), granted, served, and closed once the
 * opposition window has run, which gives the debts an enforceable title. The people work their tasks over the
 * engine's REST API with their own accounts.
 */
@EncaisseTest
class InjunctionToPayTests {

    @Autowired
    Api api;

    @Autowired
    CaseWork work;

    @Autowired
    InjunctionDesk desk;

    @Autowired
    StatutoryRates rates;

    @Autowired
    HistoryService history;

    private final LocalDate today = ParisDate.today();
    private String collector;
    private String salesRep;
    private String manager;
    private String customer;
    private String partlyPaid;
    private String unpaid;

    @BeforeEach
    void caseAtTheFormalNoticeDecision() {
        collector = api.user(Groups.COLLECTORS);
        salesRep = api.user(Groups.SALES);
        manager = api.user(Groups.MANAGERS);
        customer = Api.unique("C");
        ResponseEntity<JsonNode> created = api.post("/api/customers", """
                {"externalId": "%s", "name": "Boulangeries Chevalier SARL", "companyId": "732829320",
                 "address": "12 rue des Tanneurs|69002 Lyon", "contacts": [
                  {"role": "DIRECTOR", "name": "Henri Chevalier", "email": "direction@%s.example.fr"},
                  {"role": "ACCOUNTS_PAYABLE", "name": "Compta", "email": "%s"}]}"""
                .formatted(customer, customer.toLowerCase(), Api.emailOf(customer)));
        assertThat(created.getStatusCode().is2xxSuccessful()).as(String.valueOf(created.getBody())).isTrue();
        partlyPaid = api.invoice(customer, today.minusDays(90).toString(), today.minusDays(60).toString(), "1200.00");
        unpaid = api.invoice(customer, today.minusDays(85).toString(), today.minusDays(55).toString(), "800.00");
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 200, "invoiceNumbers": ["%s"]}"""
                .formatted(Api.unique("VIR"), today.minusDays(30), partlyPaid));

        api.post("/api/aging-runs", "");
        String caseId = work.caseOf(customer);
        work.bringToRecoveryDecision(caseId, collector, salesRep, manager);
        work.deliverLetters(customer);
    }

    @Test
    void theManagerFilesTheRequestAndTheOrderBecomesAnEnforceableTitle() {
        String caseId = work.caseOf(customer);
        work.work(caseId, "Task_DecideAgencyHandoff", manager, """
                {"recoveryRoute": {"value": "INJUNCTION"}, "decisionComment": {"value": "Aucune contestation, client solvable"}}""");
        assertThat(work.nextTask(caseId).getTaskDefinitionKey()).isEqualTo("Task_FileInjunctionRequest");

        JsonNode filing = api.get("/api/injunctions/" + caseId).getBody();
        assertThat(filing.get("status").asText()).isEqualTo("PREPARED");
        assertThat(filing.get("decidedBy").asText()).isEqualTo(manager);
        assertThat(filing.get("computedTo").asText()).isEqualTo(today.toString());
        assertThat(filing.get("principal").decimalValue()).isEqualByComparingTo("1800.00");
        // D441-5: 40 EUR per late invoice.
        assertThat(filing.get("compensation").decimalValue()).isEqualByComparingTo("80.00");
        // L441-10: simple interest on 365 days from the day after the due date, what the payment paid stopping on its day.
        BigDecimal rate = rates.interest().statutoryRate(today);
        BigDecimal expected = rate.multiply(BigDecimal.valueOf(1200 * 29 + 1000 * 31L))
                .divide(BigDecimal.valueOf(36500), 2, RoundingMode.HALF_UP)
                .add(rate.multiply(BigDecimal.valueOf(800 * 55L)).divide(BigDecimal.valueOf(36500), 2, RoundingMode.HALF_UP));
        assertThat(filing.get("interest").decimalValue()).isEqualByComparingTo(expected);
        assertThat(filing.get("total").decimalValue())
                .isEqualByComparingTo(expected.add(new BigDecimal("1880.00")));

        ResponseEntity<byte[]> pdf = api.as(manager).getForEntity("/api/injunctions/" + caseId + "/request.pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String request = PdfText.of(pdf.getBody());
        String notice = formalNoticeSha256();
        assertThat(request).contains("REQUÊTE EN INJONCTION DE PAYER", "Boulangeries Chevalier SARL", "SIREN 732829320",
                "69002 Lyon", "Henri Chevalier", partlyPaid, unpaid, "1 000,00", "800,00", "80,00",
                "L441-10", "D441-5", "Mise en demeure", notice.substring(0, 16),
                // The formal notice itself, annexed as it was sent.
                "vaut mise en demeure au sens de l'article 1344");
        // A retried job prepares nothing twice.
        assertThat(desk.prepare(caseId, desk.get(caseId).getCustomerId(), manager, today.plusDays(3)).getComputedTo())
                .isEqualTo(today);

        ResponseEntity<String> future = work.tryToComplete(caseId, "Task_FileInjunctionRequest", manager, """
                {"court": {"value": "Tribunal de commerce de Lyon"}, "filedOn": {"value": "%s"}}""".formatted(today.plusDays(1)));
        assertThat(future.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(future.getBody()).contains("La date ne peut pas être dans le futur");
        LocalDate filedOn = today.minusDays(1);
        work.work(caseId, "Task_FileInjunctionRequest", manager, """
                {"court": {"value": "Tribunal de commerce de Lyon"}, "filedOn": {"value": "%s"}}""".formatted(filedOn));
        assertThat(invoice(partlyPaid).get("status").asText()).isEqualTo("IN_COURT");
        assertThat(invoice(partlyPaid).has("limitationDate")).as("the clock stands still").isFalse();
        assertThat(invoice(partlyPaid).get("courtClaimFiledOn").asText()).isEqualTo(filedOn.toString());
        assertThat(api.get("/api/analytics/limitation?months=120&limit=1000").getBody())
                .noneMatch(line -> line.get("number").asText().equals(unpaid));

        work.work(caseId, "Task_RecordInjunctionOrder", manager, """
                {"orderDecision": {"value": "GRANTED"}, "orderDate": {"value": "%s"}, "orderReference": {"value": "2026J01234"}}"""
                .formatted(today));
        work.work(caseId, "Task_RecordOrderService", manager, "{\"servedOn\": {\"value\": \"%s\"}}".formatted(today));
        LocalDate deadline = LocalDate.parse(api.get("/api/injunctions/" + caseId).getBody().get("oppositionDeadline").asText());
        assertThat(deadline).isAfterOrEqualTo(today.plusMonths(1)).isBefore(today.plusMonths(1).plusDays(5));
        work.work(caseId, "Task_RecordInjunctionOutcome", manager,
                "{\"oppositionFiled\": {\"value\": false}, \"injunctionRecovered\": {\"value\": 0}}");
        work.runJobs(caseId);

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_InjunctionClosed");
        JsonNode closed = api.get("/api/injunctions/" + caseId).getBody();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("court").asText()).isEqualTo("Tribunal de commerce de Lyon");
        // An enforceable title from the day after the last day to oppose: ten years to enforce it (CPCE L111-4).
        assertThat(invoice(unpaid).get("limitationDate").asText()).isEqualTo(deadline.plusDays(1).plusYears(10).toString());
        List<String> kinds = new ArrayList<>();
        api.get("/api/customers/" + customer + "/timeline").getBody().forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).containsSubsequence("INJUNCTION_PREPARED", "INJUNCTION_FILED", "INJUNCTION_GRANTED",
                "INJUNCTION_SERVED", "INJUNCTION_ENFORCEABLE");
    }

    @Test
    void aRejectedRequestSendsTheDebtsBackAsIfNeverFiled() {
        String caseId = work.caseOf(customer);
        String before = invoice(unpaid).get("limitationDate").asText();
        work.work(caseId, "Task_DecideAgencyHandoff", manager, """
                {"recoveryRoute": {"value": "INJUNCTION"}, "decisionComment": {"value": "Essai"}}""");
        work.work(caseId, "Task_FileInjunctionRequest", manager, """
                {"court": {"value": "Tribunal de commerce de Lyon"}, "filedOn": {"value": "%s"}}""".formatted(today));
        work.work(caseId, "Task_RecordInjunctionOrder", manager, """
                {"orderDecision": {"value": "REJECTED"}, "orderDate": {"value": "%s"}}""".formatted(today));

        assertThat(api.get("/api/injunctions/" + caseId).getBody().get("status").asText()).isEqualTo("REJECTED");
        assertThat(invoice(unpaid).get("status").asText()).isEqualTo("OPEN");
        // Code civil 2243: a rejected claim interrupted nothing.
        assertThat(invoice(unpaid).get("limitationDate").asText()).isEqualTo(before);
        assertThat(work.nextTask(caseId).getTaskDefinitionKey()).isEqualTo("Task_CallCustomer");
        ResponseEntity<JsonNode> refused = api.as(collector).getForEntity("/api/injunctions/" + caseId, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private JsonNode invoice(String number) {
        for (JsonNode invoice : api.get("/api/customers/" + customer + "/invoices").getBody()) {
            if (invoice.get("number").asText().equals(number)) {
                return invoice;
            }
        }
        throw new AssertionError(number + " is not among " + customer + "'s invoices");
    }

    private String formalNoticeSha256() {
        for (JsonNode letter : api.get("/api/customers/" + customer + "/case-file").getBody().get("letters")) {
            if (letter.get("step").asText().equals("FORMAL_NOTICE")) {
                ResponseEntity<byte[]> sent = api.as(manager).getForEntity(letter.get("document").asText(), byte[].class);
                try {
                    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(sent.getBody()));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError("no formal notice sent to " + customer);
    }
}
