package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the collection case, delegates standing in (the schedule DMN and the calendar are
 * real); CollectionCaseTests runs the delegates for real.
 */
@Tag("process-model")
@Deployment(resources = {"processes/collection/CollectionCaseProcess.bpmn", "processes/collection/CollectionScheduleDecision.dmn",
        "forms/collection/CallCustomerForm.form", "forms/collection/SalesRepCallForm.form",
        "forms/collection/DecideAgencyHandoffForm.form", "forms/agency/AgencyReferenceForm.form",
        "forms/agency/AgencyResultForm.form", "forms/collection/DecideDeliveryBlockForm.form",
        "forms/collection/SecureClaimBeforeLimitationForm.form", "forms/court/FileInjunctionRequestForm.form",
        "forms/court/RecordInjunctionOrderForm.form", "forms/court/RecordOrderServiceForm.form",
        "forms/court/RecordInjunctionOutcomeForm.form"})
class CollectionCaseProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    private final List<String> sent = new ArrayList<>();
    private boolean promiseKept;
    private int overdueAfterAssessment = 2;

    @BeforeEach
    void standIns() {
        Mocks.register("collectionCalendar", new CollectionCalendar("Europe/Paris"));
        Mocks.register("recordCommunicationDelegate", (JavaDelegate) execution -> sent.add((String) execution.getVariable("step")));
        Mocks.register("prepareCallListener", (TaskListener) task -> task.setVariableLocal("briefing", "…"));
        Mocks.register("checkCallOutcomeListener", (TaskListener) task -> task.setVariable("calledBy", "marie"));
        Mocks.register("recordApproverListener", (TaskListener) task -> task.setVariable("approvedBy", "claire"));
        Mocks.register("recordPromiseDelegate", (JavaDelegate) execution -> execution.setVariable("promiseId", 7L));
        Mocks.register("checkPromiseDelegate", (JavaDelegate) execution -> execution.setVariable("promiseKept", promiseKept));
        Mocks.register("openDisputeFromCallDelegate", (JavaDelegate) execution -> sent.add("DISPUTE_OPENED"));
        Mocks.register("assessCaseDelegate", (JavaDelegate) execution ->
                execution.getProcessInstance().setVariable("overdueInvoices", overdueAfterAssessment));
        Mocks.register("blockDeliveriesDelegate", (JavaDelegate) execution -> sent.add("BLOCKED"));
        Mocks.register("liftDeliveryBlockDelegate", (JavaDelegate) execution -> sent.add("LIFTED"));
        Mocks.register("closeSettledPlansDelegate", (JavaDelegate) execution -> sent.add("PLANS_CLOSED"));
        Mocks.register("handOverToAgencyDelegate", (JavaDelegate) execution -> sent.add("HANDED_OVER"));
        Mocks.register("recordAgencyReferenceListener", (TaskListener) task -> sent.add("REFERENCE"));
        Mocks.register("recordAgencyResultListener", (TaskListener) task -> sent.add("RESULT"));
        Mocks.register("prepareInjunctionFilingDelegate", (JavaDelegate) execution -> sent.add("INJUNCTION_PREPARED"));
        Mocks.register("recordInjunctionFilingListener", (TaskListener) task -> sent.add("FILED"));
        Mocks.register("recordInjunctionOrderListener", (TaskListener) task ->
                task.setVariable("orderGranted", "GRANTED".equals(task.getVariable("orderDecision"))));
        Mocks.register("recordOrderServiceListener", (TaskListener) task ->
                task.setVariable("oppositionDeadline", ParisDate.today().plusMonths(1).toString()));
        Mocks.register("recordInjunctionOutcomeListener", (TaskListener) task -> sent.add("OUTCOME"));
        Mocks.register("recordClaimSecuredListener", (TaskListener) task -> sent.add("SECURED " + task.getVariable("limitedInvoice")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void remindsTwiceThenAsksACollectorToCall() {
        ProcessInstance caseOf = openCase("MEDIUM", "PME");
        assertThat(caseOf).isWaitingAt("Task_SendFirstReminder");
        execute(job());
        assertThat(caseOf).hasPassed("Task_PlanRecovery").isWaitingAt("Event_SecondReminderDue");
        assertThat(caseOf).variables().containsKey("schedule");
        execute(job());
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_CallCustomer");
        assertThat(task()).hasCandidateGroup("collectors");
        assertThat(sent).containsExactly("FIRST_REMINDER", "SECOND_REMINDER");
    }

    @Test
    void escalatesAnUnansweredCaseToTheFormalNoticeAndTheAgency() {
        ProcessInstance caseOf = atCall(openCase("HIGH", null));
        call("NO_AGREEMENT");
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_AskSalesRepToCall");
        assertThat(task()).hasCandidateGroup("sales");
        complete(task(), withVariables("buyerReached", "false", "salesCallNotes", "Pas de réponse"));
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_DecideDeliveryBlock");
        assertThat(task()).hasCandidateGroup("managers");
        complete(task(), withVariables("blockDeliveries", true, "blockComment", "Encours trop élevé"));
        execute(job());
        assertThat(caseOf).hasPassed("Task_BlockDeliveries").isWaitingAt("Event_FormalNoticeDue");
        execute(job());
        execute(job());
        assertThat(caseOf).isWaitingAt("Event_NoticeDeadlinePassed");
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_DecideAgencyHandoff");
        assertThat(task()).hasCandidateGroup("managers");
        complete(task(), withVariables("recoveryRoute", "AGENCY", "decisionComment", "Aucune réponse"));
        execute(job());
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_RecordAgencyReference");
        assertThat(task()).hasCandidateGroup("managers");
        complete(task(), withVariables("agencyReference", "AG-2026-118"));
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_RecordAgencyResult");
        complete(task(), withVariables("recoveredAmount", 800.0));
        execute(job());
        assertThat(caseOf).isEnded().hasPassed("EndEvent_HandedToAgency");
        assertThat(sent).containsExactly("FIRST_REMINDER", "SECOND_REMINDER", "FIRM_LETTER", "BLOCKED", "FORMAL_NOTICE",
                "HANDED_OVER", "REFERENCE", "RESULT");
    }

    @Test
    void aManagerWhoKeepsTheCaseInHouseSendsItBackToTheCollector() {
        ProcessInstance caseOf = atCall(openCase("LOW", "Grand compte"));
        call("NO_AGREEMENT");
        execute(job());
        complete(task(), withVariables("buyerReached", "true", "salesCallNotes", "Rappellera"));
        execute(job());
        complete(task(), withVariables("blockDeliveries", false, "blockComment", "Client stratégique"));
        execute(job());
        assertThat(caseOf).hasNotPassed("Task_BlockDeliveries");
        execute(job());
        execute(job());
        execute(job());
        complete(task(), withVariables("recoveryRoute", "IN_HOUSE", "decisionComment", "Client stratégique"));
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_CallCustomer").hasPassed("Gateway_RecoveryRoute");
    }

    @Test
    void aKeptPromiseWithInvoicesStillDueCallsAgain() {
        ProcessInstance caseOf = atCall(openCase("MEDIUM", "PME"));
        promiseKept = true;
        call("PROMISE", "promisedDate", ParisDate.today().plusDays(5).toString(), "promisedAmount", 500.0);
        assertThat(caseOf).isWaitingAt("Event_PromiseDue").hasPassed("Task_RecordPromise");
        execute(job());
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_CallCustomer").hasPassed("Task_CheckPromise");
    }

    @Test
    void aBrokenPromiseEscalatesAtOnce() {
        ProcessInstance caseOf = atCall(openCase("MEDIUM", "PME"));
        promiseKept = false;
        call("PROMISE", "promisedDate", ParisDate.today().plusDays(5).toString(), "promisedAmount", 500.0);
        execute(job());
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_SendFirmLetter").hasPassed("Gateway_PromiseKept");
    }

    @Test
    void anUnreachableCustomerIsCalledBackOnTheDateGiven() {
        ProcessInstance caseOf = atCall(openCase("MEDIUM", "PME"));
        call("UNREACHABLE", "retryDate", ParisDate.today().plusDays(2).toString());
        assertThat(caseOf).isWaitingAt("Event_RetryCallDue");
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_CallCustomer");
    }

    @Test
    void aCustomerWhoSaysItPaidGetsAFewDaysThenTheFirmLetter() {
        ProcessInstance caseOf = atCall(openCase("MEDIUM", "PME"));
        call("CLAIMS_PAID");
        assertThat(caseOf).isWaitingAt("Event_PaymentCheckDue");
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_SendFirmLetter");
    }

    @Test
    void aDisputeOnACallSendsTheInvoiceToItsOwnPathAndTheRestEscalates() {
        ProcessInstance caseOf = atCall(openCase("MEDIUM", "PME"));
        call("DISPUTE", "disputedInvoice", "FA-1", "disputeCategory", "DELIVERY", "disputeComment", "Palettes manquantes");
        assertThat(caseOf).hasPassed("Task_OpenDispute", "Task_AssessCase").isWaitingAt("Task_SendFirmLetter");
        assertThat(sent).contains("DISPUTE_OPENED");
    }

    @Test
    void aDifficultyLeadsToAPaymentPlanAndAKeptPlanCallsAgain() {
        ProcessInstance caseOf = atCall(openCase("MEDIUM", "PME"));
        call("DIFFICULTY");
        assertThat(caseOf).isWaitingAt("CallActivity_PaymentPlan");
        ProcessInstance plan = calledPlan(caseOf);
        assertThat(plan.getBusinessKey()).isEqualTo("C0042");
        complete(task(plan), withVariables("planOutcome", "KEPT"));
        assertThat(caseOf).hasPassed("Gateway_PlanOutcome").isWaitingAt("Task_CallCustomer");
    }

    @Test
    void aBrokenPlanIsPlanBTheFirmLetter() {
        ProcessInstance caseOf = atCall(openCase("MEDIUM", "PME"));
        call("DIFFICULTY");
        complete(task(calledPlan(caseOf)), withVariables("planOutcome", "BROKEN"));
        assertThat(caseOf).isWaitingAt("Task_SendFirmLetter");
    }

    /** The plan itself is PaymentPlanProcessTests' subject; here a stand-in returns its outcome. */
    private static ProcessInstance calledPlan(ProcessInstance caseOf) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(caseOf.getId()).singleResult();
    }

    @BeforeEach
    void planStandIn() {
        repositoryService().createDeployment().name("plan stand-in")
                .addModelInstance("PaymentPlanProcess.bpmn", Bpmn.createExecutableProcess("PaymentPlanProcess")
                        .camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_StandIn").endEvent().done())
                .deploy();
    }

    @Test
    void aPaymentThatSettlesTheLastOverdueInvoiceEndsTheCase() {
        ProcessInstance caseOf = atCall(openCase("MEDIUM", "PME"));
        overdueAfterAssessment = 0;
        runtimeService().createMessageCorrelation("Msg_PaymentReceived").processInstanceBusinessKey("C0042").correlateAll();
        assertThat(caseOf).isWaitingAt("Task_ReassessCase", "Task_CallCustomer");
        execute(job());
        assertThat(caseOf).isEnded().hasPassed("Task_LiftDeliveryBlock", "Task_CloseSettledPlans", "EndEvent_BalanceSettled")
                .hasNotPassed("Task_SendFirmLetter");
    }

    @Test
    void aPartialPaymentKeepsTheCaseWhereItWas() {
        ProcessInstance caseOf = atCall(openCase("MEDIUM", "PME"));
        overdueAfterAssessment = 1;
        runtimeService().createMessageCorrelation("Msg_PaymentReceived").processInstanceBusinessKey("C0042").correlateAll();
        execute(job());
        assertThat(caseOf).hasPassed("EndEvent_CaseReassessed").isWaitingAt("Task_CallCustomer");
        assertThat(caseOf).variables().containsEntry("overdueInvoices", 1);
    }

    @Test
    void aClaimNearingLimitationAsksTheManagersWhileTheCaseGoesOn() {
        ProcessInstance caseOf = openCase("MEDIUM", "PME");
        for (String invoice : List.of("F-2021-0042", "F-2021-0043")) {
            runtimeService().createMessageCorrelation("Msg_ClaimNearingLimitation").processInstanceId(caseOf.getId())
                    .setVariables(org.camunda.bpm.engine.variable.Variables.createVariables()
                            .putValueTyped("limitedInvoice", org.camunda.bpm.engine.variable.Variables.stringValue(invoice, true))
                            .putValueTyped("limitationDate", org.camunda.bpm.engine.variable.Variables.stringValue("2026-12-31", true))
                            .putValueTyped("limitedOutstanding", org.camunda.bpm.engine.variable.Variables.stringValue("100.00 EUR", true)))
                    .correlateWithResult();
        }
        assertThat(caseOf).isWaitingAt("Task_SendFirstReminder", "Task_SecureClaimBeforeLimitation");
        List<org.camunda.bpm.engine.task.Task> warnings = taskService().createTaskQuery()
                .taskDefinitionKey("Task_SecureClaimBeforeLimitation").list();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).hasCandidateGroup("managers").hasName("Créance bientôt prescrite");
        // Each warning keeps its own invoice: two at once do not overwrite each other.
        assertThat(warnings.stream().map(t -> taskService().getVariable(t.getId(), "limitedInvoice")).toList())
                .containsExactlyInAnyOrder("F-2021-0042", "F-2021-0043");
        Object first = taskService().getVariable(warnings.get(0).getId(), "limitedInvoice");
        complete(warnings.get(0), withVariables("claimSecuredBy", "ACKNOWLEDGMENT", "limitationComment", "Courriel"));
        execute(job("Task_SecureClaimBeforeLimitation"));
        assertThat(caseOf).hasPassed("EndEvent_ClaimSecured").isWaitingAt("Task_SendFirstReminder");
        assertThat(sent).containsExactly("SECURED " + first);
        execute(job("Task_SendFirstReminder"));
        assertThat(caseOf).isWaitingAt("Event_SecondReminderDue", "Task_SecureClaimBeforeLimitation");
        // Passed to each warning alone: the case's own variables know nothing of them.
        assertThat(runtimeService().getVariables(caseOf.getId())).doesNotContainKey("limitedInvoice");
    }

    @Test
    void aManagerWhoChoosesTheInjunctionFilesItAndClosesItOnceTheOppositionWindowHasRun() {
        ProcessInstance caseOf = atFormalNoticeDecision(openCase("HIGH", null));
        complete(task(), withVariables("recoveryRoute", "INJUNCTION", "decisionComment", "Client solvable, aucune contestation"));
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_PrepareInjunctionFiling");
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_FileInjunctionRequest");
        assertThat(task()).hasCandidateGroup("managers");
        complete(task(), withVariables("court", "Tribunal de commerce de Lyon", "filedOn", ParisDate.today().toString()));
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_RecordInjunctionOrder");
        complete(task(), withVariables("orderDecision", "GRANTED", "orderDate", ParisDate.today().toString()));
        execute(job());
        assertThat(caseOf).hasPassed("Gateway_OrderGranted").isWaitingAt("Task_RecordOrderService");
        complete(task(), withVariables("servedOn", ParisDate.today().toString()));
        execute(job());
        assertThat(caseOf).isWaitingAt("Event_OppositionWindowClosed");
        // The timer waits out the last day of opposition and fires the morning after.
        assertThat(job().getDuedate()).isAfter(java.sql.Timestamp.valueOf(ParisDate.today().plusMonths(1).atStartOfDay()));
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_RecordInjunctionOutcome");
        complete(task(), withVariables("oppositionFiled", false, "injunctionRecovered", 0));
        execute(job());
        assertThat(caseOf).isEnded().hasPassed("EndEvent_InjunctionClosed").hasNotPassed("Task_HandOverToAgency");
        assertThat(sent).containsSubsequence("FORMAL_NOTICE", "INJUNCTION_PREPARED", "FILED", "OUTCOME");
    }

    @Test
    void aRejectedInjunctionSendsTheCaseBackToTheCollector() {
        ProcessInstance caseOf = atFormalNoticeDecision(openCase("MEDIUM", null));
        complete(task(), withVariables("recoveryRoute", "INJUNCTION", "decisionComment", "Essayons le juge"));
        execute(job());
        execute(job());
        complete(task(), withVariables("court", "Tribunal de commerce de Lyon", "filedOn", ParisDate.today().toString()));
        execute(job());
        complete(task(), withVariables("orderDecision", "REJECTED", "orderDate", ParisDate.today().toString()));
        execute(job());
        assertThat(caseOf).hasPassed("Gateway_OrderGranted").hasNotPassed("Task_RecordOrderService").isWaitingAt("Task_CallCustomer");
    }

    /** Through the call, the sales rep, the firm letter and the formal notice to the manager's choice of route. */
    private ProcessInstance atFormalNoticeDecision(ProcessInstance caseOf) {
        atCall(caseOf);
        call("NO_AGREEMENT");
        execute(job());
        complete(task(), withVariables("buyerReached", "false", "salesCallNotes", "Pas de réponse"));
        execute(job());
        complete(task(), withVariables("blockDeliveries", false, "blockComment", "Pas encore"));
        execute(job());
        execute(job());
        execute(job());
        execute(job());
        assertThat(caseOf).isWaitingAt("Task_DecideAgencyHandoff");
        return caseOf;
    }

    private ProcessInstance openCase(String risk, String segment) {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("CollectionCaseProcess", "C0042",
                withVariables("customerId", 42L, "customerExternalId", "C0042",
                        "caseDueDate", ParisDate.today().minusDays(3).toString(), "riskRating", risk, "segment", segment,
                        "overdueInvoices", 2));
        assertThat(instance).isStarted();
        return instance;
    }

    private ProcessInstance atCall(ProcessInstance instance) {
        execute(job());
        execute(job());
        execute(job());
        assertThat(instance).isWaitingAt("Task_CallCustomer");
        return instance;
    }

    private void call(String outcome, Object... more) {
        List<Object> variables = new ArrayList<>(List.of("callOutcome", outcome));
        variables.addAll(List.of(more));
        Object[] rest = variables.subList(2, variables.size()).toArray();
        complete(task(), withVariables("callOutcome", outcome, rest));
        execute(job());
    }
}
