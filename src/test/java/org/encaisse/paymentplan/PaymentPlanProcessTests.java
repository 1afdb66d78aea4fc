package org.encaisse.paymentplan;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.encaisse.collection.CollectionCalendarForTests;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of a payment plan, delegates standing in; the approval decision and the calendar are real. */
@Tag("process-model")
@Deployment(resources = {"processes/paymentplan/PaymentPlanProcess.bpmn", "processes/paymentplan/PaymentPlanApprovalDecision.dmn",
        "forms/paymentplan/ProposePlanForm.form", "forms/paymentplan/ApprovePlanForm.form"})
class PaymentPlanProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    /** What each installment check finds, in order. */
    private final Deque<String> standings = new ArrayDeque<>();
    private double planTotal = 1200.0;

    @BeforeEach
    void standIns() {
        Mocks.register("collectionCalendar", CollectionCalendarForTests.paris());
        Mocks.register("checkPlanProposalListener", (TaskListener) task -> task.setVariable("proposedBy", "marie"));
        Mocks.register("draftPaymentPlanDelegate", (JavaDelegate) execution -> {
            execution.setVariable("planId", 5L);
            execution.setVariable("planTotal", planTotal);
        });
        Mocks.register("recordPlanApproverListener", (TaskListener) task -> task.setVariable("planApprovedBy", "claire"));
        Mocks.register("rejectPaymentPlanDelegate", (JavaDelegate) execution -> execution.setVariable("planOutcome", "REJECTED"));
        Mocks.register("startPaymentPlanDelegate", (JavaDelegate) execution ->
                execution.setVariable("nextInstallmentDate", ParisDate.today().plusDays(30).toString()));
        Mocks.register("checkInstallmentsDelegate", (JavaDelegate) execution ->
                execution.setVariable("planStanding", standings.isEmpty() ? "ON_TRACK" : standings.pop()));
        Mocks.register("remindMissedInstallmentDelegate", (JavaDelegate) execution -> { });
        Mocks.register("endPaymentPlanDelegate", (JavaDelegate) execution ->
                execution.setVariable("planOutcome", "COMPLETE".equals(execution.getVariable("planStanding")) ? "KEPT" : "BROKEN"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aSmallPlanStartsWithoutApprovalAndEndsKept() {
        ProcessInstance plan = propose(3);
        assertThat(plan).isWaitingAt("Task_StartPlan").hasNotPassed("Task_ApprovePlan");
        standings.addAll(List.of("ON_TRACK", "COMPLETE"));
        execute(job());
        assertThat(plan).isWaitingAt("Event_InstallmentDue");
        execute(job());
        assertThat(plan).isWaitingAt("Event_InstallmentDue");
        execute(job());
        assertThat(plan).isEnded().hasPassed("EndEvent_PlanKept").variables().containsEntry("planOutcome", "KEPT");
    }

    @Test
    void aLargePlanNeedsTheCreditManager() {
        planTotal = 12000.0;
        ProcessInstance plan = propose(4);
        assertThat(plan).isWaitingAt("Task_ApprovePlan");
        assertThat(task()).hasCandidateGroup("managers");
        complete(task(), withVariables("planApproved", true, "approvalComment", "Client historique"));
        execute(job());
        assertThat(plan).isWaitingAt("Task_StartPlan");
    }

    @Test
    void aLongPlanNeedsTheCreditManagerWhoMayRefuseIt() {
        ProcessInstance plan = propose(12);
        assertThat(plan).isWaitingAt("Task_ApprovePlan");
        complete(task(), withVariables("planApproved", false, "approvalComment", "Trop long"));
        execute(job());
        assertThat(plan).isEnded().hasPassed("EndEvent_PlanRejected").variables().containsEntry("planOutcome", "REJECTED");
    }

    @Test
    void aMissedInstallmentIsRemindedAtOnceThenBreaksThePlan() {
        ProcessInstance plan = propose(3);
        standings.addAll(List.of("MISSED", "MISSED"));
        execute(job());
        execute(job());
        assertThat(plan).isWaitingAt("Task_RemindMissedInstallment");
        execute(job());
        assertThat(plan).isWaitingAt("Event_LastChancePassed");
        execute(job());
        assertThat(plan).isEnded().hasPassed("EndEvent_PlanBroken").variables().containsEntry("planOutcome", "BROKEN");
    }

    @Test
    void aCustomerWhoCatchesUpStaysInThePlan() {
        ProcessInstance plan = propose(3);
        standings.addAll(List.of("MISSED", "ON_TRACK"));
        execute(job());
        execute(job());
        execute(job());
        execute(job());
        assertThat(plan).isWaitingAt("Event_InstallmentDue").hasPassed("Gateway_CaughtUp");
    }

    @Test
    void aCustomerWhoPaysEverythingAfterTheReminderEndsThePlanKept() {
        ProcessInstance plan = propose(3);
        standings.addAll(List.of("MISSED", "COMPLETE"));
        execute(job());
        execute(job());
        execute(job());
        execute(job());
        assertThat(plan).isEnded().hasPassed("EndEvent_PlanKept");
    }

    private static ProcessInstance propose(int installments) {
        ProcessInstance plan = runtimeService().startProcessInstanceByKey("PaymentPlanProcess", "C0042",
                withVariables("customerId", 42L, "customerExternalId", "C0042", "caseId", "case-1"));
        assertThat(plan).isWaitingAt("Task_ProposePlan");
        assertThat(task()).hasCandidateGroup("collectors");
        complete(task(), withVariables("installmentCount", installments,
                "firstInstallmentDate", ParisDate.today().plusDays(30).toString()));
        execute(job());
        return plan;
    }
}
