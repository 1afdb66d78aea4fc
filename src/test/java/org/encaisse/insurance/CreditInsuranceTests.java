package org.encaisse.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.support.Api;
import org.encaisse.support.CaseWork;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Insured customers from overdue to the insurer: the aging run starts the declaration watch, the managers declare in
 * time, or the deadline passes and the invoices lose their cover, with an alert in Cockpit until a manager takes
 * note. Real engine, real delegates, the policy's deadline from CreditInsurancePolicyDecision.
 */
@EncaisseTest
class CreditInsuranceTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    Api api;

    @Autowired
    CaseWork work;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    private final LocalDate today = ParisDate.today();

    @Test
    void anInsuredCustomerIsDeclaredInTimeWithTheInsurersReference() {
        String uninsured = api.customer();
        api.invoice(uninsured, today.minusDays(60).toString(), today.minusDays(30).toString(), "900");
        String customer = api.customer();
        // Atradius declares within 60 days of the due date: this invoice's deadline is in 5 days, within the lead.
        String invoice = api.invoice(customer, today.minusDays(85).toString(), today.minusDays(55).toString(), "12400");
        insure(customer, "Atradius", "ATR-55012", "50000", today.minusYears(1));

        JsonNode cover = api.get("/api/customers/" + customer + "/insurance-cover").getBody();
        assertThat(cover.get("exposure").decimalValue()).isEqualByComparingTo("12400");
        assertThat(cover.get("headroom").decimalValue()).isEqualByComparingTo("37600");

        assertThat(agingRun().get("insuranceDeclarationsStarted").asInt()).isPositive();
        assertThat(agedBalanceCustomers("true")).contains(customer);
        assertThat(agedBalanceCustomers("false")).doesNotContain(customer).contains(uninsured);
        assertThat(api.get("/api/analytics/aged-balance?insured=maybe").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String watch = watchOf(customer);
        Task declare = work.nextTask(watch);
        assertThat(declare.getTaskDefinitionKey()).isEqualTo("Task_DeclareToInsurer");
        assertThat(declare.getName()).startsWith("Déclarer l'impayé à l'assureur · ");
        assertThat(declare.getDueDate().toInstant()).isEqualTo(today.plusDays(6).atStartOfDay(PARIS).toInstant());
        assertThat(tasks.getVariable(declare.getId(), "declarationDeadline")).isEqualTo(today.plusDays(5).toString());
        assertThat((String) tasks.getVariable(declare.getId(), "invoicesToDeclare")).startsWith(invoice + " — échue le ");
        assertThat(tasks.getIdentityLinksForTask(declare.getId())).anyMatch(link -> "managers".equals(link.getGroupId()));

        // The same day's run again starts nothing more: the invoice is in a declaration.
        agingRun();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("CreditInsuranceProcess")
                .processInstanceBusinessKey(customer).count()).isEqualTo(1);

        String manager = api.user("managers");
        ResponseEntity<String> withoutReference = work.tryToComplete(watch, "Task_DeclareToInsurer", manager, "{}");
        assertThat(withoutReference.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(withoutReference.getBody()).contains("Indiquez la référence de la déclaration");
        work.work(watch, "Task_DeclareToInsurer", manager, """
                {"insurerReference": {"value": "NOA-2026-118"}}""");
        work.runJobs(watch);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(watch).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(watch)
                .activityId("EndEvent_DeclaredInTime").count()).isEqualTo(1);
        JsonNode declaration = api.get("/api/customers/" + customer + "/insurance-declarations").getBody().get(0);
        assertThat(declaration.get("state").asText()).isEqualTo("DECLARED");
        assertThat(declaration.get("insurerReference").asText()).isEqualTo("NOA-2026-118");
        assertThat(declaration.get("settledBy").asText()).isEqualTo(manager);
        assertThat(declaration.get("deadline").asText()).isEqualTo(today.plusDays(5).toString());
        assertThat(api.get("/api/customers/" + customer + "/timeline").getBody())
                .anyMatch(event -> event.get("kind").asText().equals("INSURANCE_DECLARED")
                        && event.get("who").asText().equals(manager));
        agingRun();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("CreditInsuranceProcess")
                .processInstanceBusinessKey(customer).count()).isZero();

        // The claim file: the agency's case file with the policy's fields, once the waiting period has run.
        JsonNode claim = api.get("/api/customers/" + customer + "/insurance-claim-file").getBody().get("insurance");
        assertThat(claim.get("insurerReference").asText()).isEqualTo("NOA-2026-118");
        assertThat(claim.get("declarationDeadline").asText()).isEqualTo(today.plusDays(5).toString());
        assertThat(claim.get("claimableFrom").asText()).isEqualTo(today.plusDays(180).toString());
        assertThat(claim.get("declaredInvoices").get(0).asText()).isEqualTo(invoice);
        assertThat(claim.get("insurerCollects").asBoolean()).isTrue();
        ResponseEntity<byte[]> pdf = api.as(manager).getForEntity("/api/customers/" + customer
                + "/insurance-claim-file.pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(org.encaisse.support.PdfText.of(pdf.getBody()).replaceAll("\\s+", " "))
                .contains("Assurance-crédit : demande d’indemnisation", "Atradius", "NOA-2026-118", invoice);
        assertThat(api.get("/api/customers/" + api.customer() + "/insurance-claim-file").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDeadlinePassedUndeclaredLosesTheCoverAndAlertsTheManagersUntilOneTakesNote() {
        String customer = api.customer();
        // Coface: 30 days. This one's deadline passed 10 days ago, before anyone watched it: lost at once.
        String tooLate = api.invoice(customer, today.minusDays(70).toString(), today.minusDays(40).toString(), "800");
        // And this one's is in 3 days.
        String inTime = api.invoice(customer, today.minusDays(57).toString(), today.minusDays(27).toString(), "5300");
        insure(customer, "COFACE", "CF-7781", "20000", today.minusMonths(6));

        agingRun();
        String watch = watchOf(customer);
        assertThat(work.nextTask(watch).getTaskDefinitionKey()).isEqualTo("Task_DeclareToInsurer");
        assertThat(declarationsIn("COVER_LOST", customer)).singleElement()
                .satisfies(lost -> assertThat(numbers(lost)).containsExactly(tooLate));

        // Days go by and nobody declares: the job executor fires the deadline's timer.
        Job deadline = management.createJobQuery().processInstanceId(watch).timers().singleResult();
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(today.plusDays(4).atStartOfDay(PARIS).toInstant());
        management.executeJob(deadline.getId());
        Task acknowledge = work.nextTask(watch);
        assertThat(acknowledge.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgeCoverLost");
        assertThat(runtime.createIncidentQuery().processInstanceId(watch).incidentType("insuranceCoverLost").count())
                .isEqualTo(1);
        assertThat(declarationsIn("COVER_LOST", customer)).hasSize(2)
                .anySatisfy(lost -> assertThat(numbers(lost)).containsExactly(inTime));
        assertThat(api.get("/api/customers/" + customer + "/timeline").getBody())
                .anyMatch(event -> event.get("kind").asText().equals("INSURANCE_COVER_LOST")
                        && event.toString().contains(inTime));

        String manager = api.user("managers");
        work.work(watch, "Task_AcknowledgeCoverLost", manager, """
                {"coverLostComment": {"value": "Provision à 100 %, mise en demeure et injonction de payer"}}""");
        work.runJobs(watch);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(watch).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(watch)
                .activityId("EndEvent_CoverLost").count()).isEqualTo(1);
        assertThat(history.createHistoricIncidentQuery().processInstanceId(watch).resolved().count()).isEqualTo(1);
    }

    @Test
    void whenThePolicySaysTheInsurerCollectsTheCaseGoesToItsCollectionServiceAndIsTrackedTheSameWay() {
        String customer = api.customer();
        String invoice = api.invoice(customer, today.minusDays(70).toString(), today.minusDays(40).toString(), "3200");
        insure(customer, "Allianz Trade", "AT-77", "20000", today.minusYears(1));
        String collector = api.user("collectors");
        String salesRep = api.user("sales");
        String manager = api.user("managers");

        agingRun();
        String caseId = work.caseOf(customer);
        work.bringToRecoveryDecision(caseId, collector, salesRep, manager);
        work.work(caseId, "Task_DecideAgencyHandoff", manager, """
                {"recoveryRoute": {"value": "AGENCY"}, "decisionComment": {"value": "Mise en demeure sans effet"}}""");

        Task reference = work.nextTask(caseId);
        assertThat(reference.getTaskDefinitionKey()).isEqualTo("Task_RecordAgencyReference");
        assertThat((String) runtime.getVariable(caseId, "handedOverTo"))
                .startsWith("Service recouvrement de Allianz Trade (assureur-crédit)");
        JsonNode file = api.get("/api/agency-handoffs/" + caseId + "/case-file").getBody();
        assertThat(file.get("collector").asText()).isEqualTo("Allianz Trade");
        assertThat(file.get("invoices")).extracting(line -> line.get("number").asText()).containsExactly(invoice);
        assertThat(api.get("/api/customers/" + customer + "/timeline").getBody())
                .anyMatch(event -> event.get("kind").asText().equals("HANDED_TO_AGENCY")
                        && event.get("what").asText().contains("to the collection service of Allianz Trade"));

        work.work(caseId, "Task_RecordAgencyReference", manager, "{\"agencyReference\": {\"value\": \"ATC-55-0912\"}}");
        work.work(caseId, "Task_RecordAgencyResult", manager, "{\"recoveredAmount\": {\"value\": 2800.0}}");
        JsonNode closed = api.get("/api/agency-handoffs/" + caseId + "/case-file").getBody();
        assertThat(closed.get("agencyReference").asText()).isEqualTo("ATC-55-0912");
        assertThat(closed.get("recoveredAmount").decimalValue()).isEqualByComparingTo("2800");
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");

        // A customer whose insurer leaves collection to the company goes to the agency, as before.
        String cofaceCustomer = api.customer();
        insure(cofaceCustomer, "Coface", "CF-9", "20000", today.minusYears(1));
        assertThat(api.get("/api/customers/" + cofaceCustomer + "/insurance-claim-file").getBody().get("insurance")
                .get("insurerCollects").asBoolean()).isFalse();
    }

    @Test
    void aCoverIsRefusedWholeWithEveryReasonAndOnlyManagersSetOne() {
        String customer = api.customer();
        ResponseEntity<JsonNode> refused = api.put("/api/customers/" + customer + "/insurance-cover", """
                {"insurer": "Hiscox", "policyNumber": "H-1", "grantedLimit": "-5000", "grantedOn": "%s"}"""
                .formatted(today.plusDays(3)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        List<String> fields = new ArrayList<>();
        refused.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("grantedLimit", "grantedOn", "insurer");
        assertThat(refused.getBody().toString()).contains("must not be negative")
                .contains("CreditInsurancePolicyDecision").contains("Allianz Trade, Atradius, Coface");
        assertThat(api.get("/api/customers/" + customer + "/insurance-cover").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        String collector = api.user("collectors");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(api.as(collector).exchange("/api/customers/" + customer + "/insurance-cover", HttpMethod.PUT,
                new HttpEntity<>("""
                        {"insurer": "Coface", "policyNumber": "CF-1", "grantedLimit": "1000", "grantedOn": "2026-01-05"}""",
                        json), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String other = api.customer();
        String csv = """
                Code client;Assureur;N° de police;Montant agréé;Date de décision;Statut
                %s;ALLIANZ TRADE;AT-900;15 000,00;03/02/2026;Accordée
                %s;Euler Lloyd;EL-1;2000;03/02/2026;Accordée
                """.formatted(customer, other);
        ResponseEntity<JsonNode> csvRefused = api.upload("/api/imports/insurance-covers", "agrements.csv", csv);
        assertThat(csvRefused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode error = csvRefused.getBody().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("field").asText()).isEqualTo("insurer");
        assertThat(api.get("/api/customers/" + customer + "/insurance-cover").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> imported = api.upload("/api/imports/insurance-covers", "agrements.csv",
                csv.replace("Euler Lloyd;EL-1", "Atradius;ATR-2"));
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("created").asInt()).isEqualTo(2);
        JsonNode cover = api.get("/api/customers/" + customer + "/insurance-cover").getBody();
        assertThat(cover.get("insurer").asText()).isEqualTo("Allianz Trade");
        assertThat(cover.get("grantedLimit").decimalValue()).isEqualByComparingTo("15000");
        assertThat(cover.get("state").asText()).isEqualTo("GRANTED");
        assertThat(api.upload("/api/imports/insurance-covers", "agrements.csv",
                csv.replace("Euler Lloyd;EL-1", "Atradius;ATR-2")).getBody().get("unchanged").asInt()).isEqualTo(2);
    }

    private void insure(String customer, String insurer, String policy, String limit, LocalDate grantedOn) {
        ResponseEntity<JsonNode> set = api.put("/api/customers/" + customer + "/insurance-cover", """
                {"insurer": "%s", "policyNumber": "%s", "grantedLimit": "%s", "grantedOn": "%s"}"""
                .formatted(insurer, policy, limit, grantedOn));
        assertThat(set.getStatusCode()).as(String.valueOf(set.getBody())).isEqualTo(HttpStatus.OK);
    }

    private List<String> agedBalanceCustomers(String insured) {
        List<String> customers = new ArrayList<>();
        api.get("/api/analytics/aged-balance?source=invoices&limit=100000&insured=" + insured).getBody().get("customers")
                .forEach(line -> customers.add(line.get("externalId").asText()));
        return customers;
    }

    private String watchOf(String customer) {
        ProcessInstance watch = runtime.createProcessInstanceQuery().processDefinitionKey("CreditInsuranceProcess")
                .processInstanceBusinessKey(customer).singleResult();
        assertThat(watch).as("the declaration watch of " + customer).isNotNull();
        return watch.getId();
    }

    private JsonNode agingRun() {
        ResponseEntity<JsonNode> run = api.post("/api/aging-runs", "");
        assertThat(run.getStatusCode().is2xxSuccessful()).as(String.valueOf(run.getBody())).isTrue();
        return run.getBody();
    }

    private List<JsonNode> declarationsIn(String state, String customer) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/customers/" + customer + "/insurance-declarations").getBody().forEach(declaration -> {
            if (declaration.get("state").asText().equals(state)) {
                found.add(declaration);
            }
        });
        return found;
    }

    private static List<String> numbers(JsonNode declaration) {
        List<String> numbers = new ArrayList<>();
        declaration.get("invoices").forEach(line -> numbers.add(line.get("number").asText()));
        return numbers;
    }
}
