package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The collection case end to end: aging run, real delegates, communications, payments, disputes. */
@EncaisseTest
class CollectionCaseTests {

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    org.encaisse.paymentplan.PaymentPlanDesk plans;

    @Autowired
    PromiseBook promiseBook;

    String customer;
    String older;
    String newer;

    @BeforeEach
    void customerWithOverdueInvoices() {
        customer = api.customer();
        LocalDate today = ParisDate.today();
        older = api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "1200");
        newer = api.invoice(customer, today.minusDays(35).toString(), today.minusDays(5).toString(), "300");
        api.invoice(customer, today.toString(), today.plusDays(30).toString(), "800");
    }

    @Test
    void theCaseScheduleIsStoredUnderAClassNameAndReadsBackAsTheDecisionsIntegers() throws Exception {
        api.post("/api/aging-runs", "");
        ProcessInstance caseOf = caseOf(customer);
        ObjectValue stored = runtime.getVariableTyped(caseOf.getId(), "schedule", false);
        assertThat(stored.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(Class.forName(stored.getObjectTypeName())).as("a class name, not a generic type")
                .isAssignableTo(Map.class);
        Map<?, ?> schedule = (Map<?, ?>) runtime.getVariable(caseOf.getId(), "schedule");
        assertThat(schedule.get("secondReminderDays")).isInstanceOf(Integer.class);
        assertThat(schedule).hasSize(7).allSatisfy((name, days) -> assertThat(days).isInstanceOf(Integer.class));
    }

    @Test
    void theAgingRunOpensOneCasePerCustomerAndTheFirstReminderCoversItsOverdueInvoices() {
        ResponseEntity<JsonNode> run = api.post("/api/aging-runs", "");
        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(run.getBody().get("opened").asInt()).isPositive();
        ProcessInstance caseOf = caseOf(customer);
        JsonNode second = api.post("/api/aging-runs", "").getBody();
        assertThat(second.get("opened").asInt()).as("second run opens nothing new").isZero();
        assertThat(second.has("advanced")).isTrue();

        runNextJob(caseOf);
        JsonNode sent = api.get("/api/customers/" + customer + "/communications").getBody();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("step").asText()).isEqualTo("FIRST_REMINDER");
        assertThat(sent.get(0).get("invoices")).extracting(i -> i.get("invoiceNumber").asText()).containsExactly(older, newer);
        assertThat(sent.get(0).get("totalOutstanding").decimalValue()).isEqualByComparingTo("1500");
    }

    @Test
    void onlyManagersRunTheAging() {
        assertThat(api.as("nobody", "x").postForEntity("/api/aging-runs", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aPaymentOfEverythingOverdueEndsTheCase() {
        api.post("/api/aging-runs", "");
        ProcessInstance caseOf = caseOf(customer);
        runNextJob(caseOf);
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 1500, "invoiceNumbers": ["%s", "%s"]}"""
                .formatted(Api.unique("VIR"), ParisDate.today(), older, newer));
        runNextJob(caseOf);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseOf.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(caseOf.getId())
                .activityId("EndEvent_BalanceSettled").count()).isEqualTo(1);
    }

    @Test
    void aBankStatementPayingEverythingOverdueEndsTheCaseAsAnApiPaymentDoes() {
        api.post("/api/aging-runs", "");
        ProcessInstance caseOf = caseOf(customer);
        runNextJob(caseOf);
        // Two transfers of the customer in one statement: the case is told once, after both are applied.
        String reference = Api.unique("STMT").replace("-", "");
        StringBuilder entries = new StringBuilder();
        String[][] transfers = {{older, "1200.00"}, {newer, "300.00"}};
        for (int i = 0; i < transfers.length; i++) {
            entries.append("""
                    <Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>%s</Dt></BookgDt><AcctSvcrRef>%s-%d</AcctSvcrRef><NtryDtls><TxDtls>
                    <RmtInf><Ustrd>FACTURE %s</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                    """.formatted(transfers[i][1], ParisDate.today(), reference, i, transfers[i][0]));
        }
        String statement = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                <GrpHdr><MsgId>%s</MsgId><CreDtTm>%sT22:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>%s</Id><Acct><Id><IBAN>FR7618206000201234567890176</IBAN></Id><Ccy>EUR</Ccy></Acct>
                %s</Stmt></BkToCstmrStmt></Document>
                """.formatted(reference, ParisDate.today(), reference, entries);
        ResponseEntity<JsonNode> imported = api.upload("/api/imports/bank-statements", "camt053.xml",
                statement.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("applied").asInt()).isEqualTo(2);
        assertThat(management.createJobQuery().processInstanceId(caseOf.getId()).activityId("Task_ReassessCase").count())
                .as("one reassessment for the two payments").isEqualTo(1);

        runNextJob(caseOf);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseOf.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(caseOf.getId())
                .activityId("EndEvent_BalanceSettled").count()).isEqualTo(1);
    }

    @Test
    void theCollectorSeesTheContextAndADisputeTakesItsInvoiceOutOfTheCase() {
        ProcessInstance caseOf = caseAtTheCall();
        Task call = tasks.createTaskQuery().processInstanceId(caseOf.getId()).taskDefinitionKey("Task_CallCustomer")
                .singleResult();
        assertThat(call).isNotNull();
        assertThat(call.getDueDate()).isAfter(call.getFollowUpDate());
        assertThat((String) tasks.getVariableLocal(call.getId(), "briefing")).as("read before the call is claimed")
                .contains("Compta", older, newer);
        tasks.claim(call.getId(), "marie");
        String briefing = (String) tasks.getVariableLocal(call.getId(), "briefing");
        assertThat(briefing).contains("Compta", older, newer, "FIRST_REMINDER", "SECOND_REMINDER");

        identity.setAuthentication("marie", List.of("collectors"));
        try {
            tasks.complete(call.getId(), Map.of("callOutcome", "DISPUTE", "disputedInvoice", newer,
                    "disputeCategory", "DELIVERY", "disputeComment", "Livraison incomplète"));
        } finally {
            identity.clearAuthentication();
        }
        runNextJob(caseOf);
        assertThat(api.get("/api/invoices/" + newer).getBody().get("status").asText()).isEqualTo("DISPUTED");
        runNextJob(caseOf);
        JsonNode sent = api.get("/api/customers/" + customer + "/communications").getBody();
        JsonNode firmLetter = sent.get(sent.size() - 1);
        assertThat(firmLetter.get("step").asText()).isEqualTo("FIRM_LETTER");
        assertThat(firmLetter.get("claimsLatePaymentPenalties").asBoolean()).isTrue();
        assertThat(sent.get(0).get("claimsLatePaymentPenalties").asBoolean()).as("a friendly reminder claims none").isFalse();
        assertThat(firmLetter.get("invoices")).extracting(i -> i.get("invoiceNumber").asText()).containsExactly(older);
    }

    @Test
    void aCustomerInDifficultyGetsAPaymentPlanThatStopsTheRemindersUntilPaid() {
        ProcessInstance caseOf = caseAtTheCall();
        Task call = tasks.createTaskQuery().processInstanceId(caseOf.getId()).singleResult();
        tasks.complete(call.getId(), Map.of("callOutcome", "DIFFICULTY"));
        runNextJob(caseOf);
        ProcessInstance plan = runtime.createProcessInstanceQuery().superProcessInstanceId(caseOf.getId()).singleResult();
        Task propose = tasks.createTaskQuery().processInstanceId(plan.getId()).singleResult();
        assertThat(propose.getTaskDefinitionKey()).isEqualTo("Task_ProposePlan");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(propose.getId(),
                Map.of("installmentCount", 40, "firstInstallmentDate", ParisDate.today().plusDays(10).toString())))
                .hasMessageContaining("De 2 à 24 échéances");
        tasks.complete(propose.getId(), Map.of("installmentCount", 3,
                "firstInstallmentDate", ParisDate.today().plusDays(10).toString()));
        runNextJob(plan);
        runNextJob(plan);
        assertThat(api.get("/api/invoices/" + older).getBody().get("status").asText()).isEqualTo("IN_PLAN");
        JsonNode sent = api.get("/api/customers/" + customer + "/communications").getBody();
        JsonNode agreement = sent.get(sent.size() - 1);
        assertThat(agreement.get("step").asText()).isEqualTo("PAYMENT_PLAN_AGREEMENT");
        assertThat(agreement.get("totalOutstanding").decimalValue()).isEqualByComparingTo("1500");

        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 1500, "customerExternalId": "%s"}"""
                .formatted(Api.unique("VIR"), ParisDate.today(), customer));
        runNextJob(caseOf);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseOf.getId()).count()).isZero();
        assertThat(api.get("/api/invoices/" + older).getBody().get("status").asText()).isEqualTo("PAID");
        Long planId = (Long) history.createHistoricVariableInstanceQuery().processInstanceId(plan.getId())
                .variableName("planId").singleResult().getValue();
        assertThat(plans.get(planId).getStatus().name()).as("the plan the payment interrupted").isEqualTo("KEPT");
    }

    @Test
    void anUnansweredFormalNoticeEndsAtTheAgencyWithItsCaseFile() {
        api.post("/api/disputes", "{\"invoiceNumber\": \"%s\", \"category\": \"QUALITY\"}".formatted(newer));
        api.post("/api/aging-runs", "");
        ProcessInstance caseOf = caseOf(customer);
        completeNextTask(caseOf, Map.of("callOutcome", "NO_AGREEMENT"));
        completeNextTask(caseOf, Map.of("buyerReached", "false", "salesCallNotes", "Aucune réponse"));
        completeNextTask(caseOf, Map.of("blockDeliveries", true, "blockComment", "Encours trop élevé"));
        Task decide = nextTask(caseOf);
        assertThat(decide.getTaskDefinitionKey()).isEqualTo("Task_DecideAgencyHandoff");
        assertThat(api.get("/api/customers/" + customer).getBody().get("deliveryBlocked").asBoolean()).isTrue();
        // The variable of the model before the injunction to pay: still understood, as AGENCY.
        tasks.complete(decide.getId(), Map.of("agencyApproved", true, "decisionComment", "Mise en demeure sans effet"));
        Task reference = nextTask(caseOf);
        assertThat(reference.getTaskDefinitionKey()).isEqualTo("Task_RecordAgencyReference");
        assertThat(api.get("/api/invoices/" + older).getBody().get("status").asText()).isEqualTo("AT_AGENCY");

        JsonNode file = api.get("/api/agency-handoffs/" + caseOf.getId() + "/case-file").getBody();
        assertThat(file.get("customerExternalId").asText()).isEqualTo(customer);
        assertThat(file.get("amountHandedOver").decimalValue()).isEqualByComparingTo("1200");
        assertThat(file.get("invoices")).extracting(i -> i.get("number").asText()).containsExactly(older);
        assertThat(file.get("letters")).extracting(l -> l.get("step").asText())
                .containsExactly("DISPUTE_ACKNOWLEDGEMENT", "FIRST_REMINDER", "SECOND_REMINDER", "FIRM_LETTER", "FORMAL_NOTICE",
                        "AGENCY_HANDOFF_NOTICE");
        assertThat(file.get("contacts")).isNotEmpty();
        assertThat(file.get("disputes")).extracting(d -> d.get("invoiceNumber").asText() + "/" + d.get("category").asText())
                .containsExactly(newer + "/QUALITY");
        assertThat(file.get("promises")).isEmpty();
        assertThat(file.get("timeline")).extracting(event -> event.get("kind").asText())
                .contains("DECISION", "LETTER_RECORDED", "HANDED_TO_AGENCY");
        ResponseEntity<byte[]> pdf = api.as(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity("/api/agency-handoffs/" + caseOf.getId() + "/case-file.pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(org.springframework.http.MediaType.APPLICATION_PDF);
        assertThat(org.encaisse.support.PdfText.of(pdf.getBody())).contains("Dossier de recouvrement", older, "Chronologie",
                "HANDED_TO_AGENCY", "FORMAL_NOTICE");

        tasks.complete(reference.getId(), Map.of("agencyReference", "AG-2026-118"));
        completeNextTask(caseOf, Map.of("recoveredAmount", 900.0));
        JsonNode closed = api.get("/api/agency-handoffs/" + caseOf.getId() + "/case-file").getBody();
        assertThat(closed.get("agencyReference").asText()).isEqualTo("AG-2026-118");
        assertThat(closed.get("recoveredAmount").decimalValue()).isEqualByComparingTo("900");
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        runJobsUntilTaskOrEnd(caseOf);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseOf.getId()).count()).isZero();
    }

    /** Opens the customer's case through the aging run and lets its two reminders go out. */
    @Test
    void theBriefingShowsTheAccountAsItStandsWhenTheCollectorClaimsTheCall() {
        ProcessInstance caseOf = caseAtTheCall();
        String bankReference = Api.unique("VIR");
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 100, "invoiceNumbers": ["%s"]}"""
                .formatted(bankReference, ParisDate.today(), older));
        Task call = tasks.createTaskQuery().processInstanceId(caseOf.getId()).taskDefinitionKey("Task_CallCustomer")
                .singleResult();

        tasks.claim(call.getId(), "marie");

        assertThat((String) tasks.getVariableLocal(call.getId(), "briefing")).contains(bankReference, "1100.00");
        tasks.setAssignee(call.getId(), null);
        assertThat((String) tasks.getVariableLocal(call.getId(), "briefing")).as("kept when handed back to the group")
                .contains(bankReference);
    }

    private ProcessInstance caseAtTheCall() {
        api.post("/api/aging-runs", "");
        ProcessInstance caseOf = caseOf(customer);
        assertThat(nextTask(caseOf).getTaskDefinitionKey()).isEqualTo("Task_CallCustomer");
        return caseOf;
    }

    private Task nextTask(ProcessInstance caseOf) {
        runJobsUntilTaskOrEnd(caseOf);
        Task task = tasks.createTaskQuery().processInstanceId(caseOf.getId()).singleResult();
        assertThat(task).as("a task of the case").isNotNull();
        return task;
    }

    private void completeNextTask(ProcessInstance caseOf, Map<String, Object> variables) {
        tasks.complete(nextTask(caseOf).getId(), variables);
    }

    /** Runs the case's jobs, timers included, as the job executor would over the days, until someone has work. */
    private void runJobsUntilTaskOrEnd(ProcessInstance caseOf) {
        for (int i = 0; i < 10 && tasks.createTaskQuery().processInstanceId(caseOf.getId()).count() == 0; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(caseOf.getId()).orderByJobDuedate().asc().list();
            if (jobs.isEmpty()) {
                return;
            }
            management.executeJob(jobs.get(0).getId());
        }
    }

    @Test
    void aPromiseKeptByAPaymentBringsTheCollectorBackForWhatIsLeft() {
        ProcessInstance caseOf = caseAtTheCall();
        completeNextTask(caseOf, Map.of("callOutcome", "PROMISE",
                "promisedDate", ParisDate.today().plusDays(5).toString(), "promisedAmount", 300.0));
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 300, "customerExternalId": "%s"}"""
                .formatted(Api.unique("VIR"), ParisDate.today(), customer));
        assertThat(nextTask(caseOf).getTaskDefinitionKey()).isEqualTo("Task_CallCustomer");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(caseOf.getId())
                .activityId("Task_CheckPromise").finished().count()).isEqualTo(1);
        PromiseToPay promise = promiseBook.ofCustomer(customerId()).get(0);
        assertThat(promise.getStatus()).isEqualTo(PromiseToPay.Status.KEPT);
        assertThat(promise.getCurrency()).isEqualTo("EUR");
    }

    private Long customerId() {
        return (Long) runtime.createVariableInstanceQuery().variableName("customerId")
                .processInstanceIdIn(caseOf(customer).getId()).singleResult().getValue();
    }

    @Test
    void aPromiseNeedsAFutureDateAndAnAmount() {
        ProcessInstance caseOf = caseAtTheCall();
        Task call = tasks.createTaskQuery().processInstanceId(caseOf.getId()).singleResult();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(call.getId(),
                        Map.of("callOutcome", "PROMISE", "promisedDate", ParisDate.today().minusDays(1).toString(),
                                "promisedAmount", 100.0)))
                .hasRootCauseInstanceOf(RejectedTaskInputException.class)
                .hasMessageContaining("La date promise doit être future");
        assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).isEqualTo(1);
    }

    @Test
    void aThresholdChangedInModelerAppliesToRunningCasesAtTheirNextDecision() throws Exception {
        ProcessInstance caseOf = caseAtTheCall();
        String original = Files.readString(Path.of("processes/collection/CollectionScheduleDecision.dmn"));
        // The manager moves the default formal notice from D+45 to D+30 and deploys from Modeler.
        String changed = original.replace("<outputEntry id=\"OutputEntry_Default3\"><text>45</text>",
                "<outputEntry id=\"OutputEntry_Default3\"><text>30</text>");
        assertThat(changed).isNotEqualTo(original);
        try {
            assertThat(deployFromModeler(changed).getStatusCode()).isEqualTo(HttpStatus.OK);
            Task call = tasks.createTaskQuery().processInstanceId(caseOf.getId()).singleResult();
            tasks.complete(call.getId(), Map.of("callOutcome", "NO_AGREEMENT"));
            runNextJob(caseOf);
            runNextJob(caseOf);
            tasks.complete(tasks.createTaskQuery().processInstanceId(caseOf.getId()).singleResult().getId(),
                    Map.of("buyerReached", "false", "salesCallNotes", "Messagerie"));
            runNextJob(caseOf);
            tasks.complete(tasks.createTaskQuery().processInstanceId(caseOf.getId()).singleResult().getId(),
                    Map.of("blockDeliveries", false, "blockComment", "Pas encore"));
            runNextJob(caseOf);
            Job formalNotice = management.createJobQuery().processInstanceId(caseOf.getId()).timers().singleResult();
            LocalDate dueDate = LocalDate.ofInstant(formalNotice.getDuedate().toInstant(), ParisDate.ZONE);
            // The older invoice fell due 20 days ago: D+30 is in 10 days (D+45 would have been in 25).
            assertThat(dueDate).isEqualTo(ParisDate.today().plusDays(10));
        } finally {
            deployFromModeler(original);
        }
    }

    /** What Camunda Modeler sends when a manager deploys a file. */
    private ResponseEntity<String> deployFromModeler(String dmn) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("deployment-name", "CollectionScheduleDecision");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("data", new org.springframework.core.io.ByteArrayResource(dmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "processes/collection/CollectionScheduleDecision.dmn";
            }
        });
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return api.as(Api.ADMIN, Api.ADMIN_PASSWORD).postForEntity("/engine-rest/deployment/create",
                new org.springframework.http.HttpEntity<>(parts, headers), String.class);
    }

    private ProcessInstance caseOf(String externalId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("CollectionCaseProcess")
                .processInstanceBusinessKey(externalId).singleResult();
        assertThat(instance).as("open case of " + externalId).isNotNull();
        return instance;
    }

    /** Runs the case's next job (an async step or a timer, whatever its due date), as the job executor would. */
    private void runNextJob(ProcessInstance caseOf) {
        List<Job> jobs = management.createJobQuery().processInstanceId(caseOf.getId()).orderByJobDuedate().asc().list();
        assertThat(jobs).as("a job of the case").isNotEmpty();
        management.executeJob(jobs.get(0).getId());
    }
}
