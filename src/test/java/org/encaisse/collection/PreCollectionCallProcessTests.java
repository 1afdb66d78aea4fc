package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

@Tag("process-model")
@Deployment(resources = {"processes/collection/PreCollectionCallProcess.bpmn", "processes/collection/PreCollectionCallDecision.dmn",
        "forms/collection/PreCollectionCallForm.form", "forms/collection/ReviewDifficultyForm.form"})
class PreCollectionCallProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    private final List<String> calls = new ArrayList<>();
    private boolean stillDue = true;

    @BeforeEach
    void standIns() {
        Mocks.register("collectionCalendar", new CollectionCalendar("Europe/Paris"));
        Mocks.register("checkInvoiceStillDueDelegate", (JavaDelegate) execution -> execution.setVariable("invoiceStillDue", stillDue));
        Mocks.register("checkPreCollectionCallListener", (TaskListener) task -> calls.add("checked"));
        Mocks.register("openDisputeFromCallDelegate", (JavaDelegate) execution -> calls.add("dispute:" + execution.getVariable("disputedInvoice")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void callsARiskyCustomerAWeekBeforeTheDueDateOnly() {
        assertThat(advice("HIGH", "PME", 500.0).get("callBeforeDueDate")).isEqualTo(true);
        assertThat(advice("HIGH", "PME", 500.0).get("daysBeforeDue")).isEqualTo(7);
        assertThat(advice("LOW", "Grand compte", 500.0).get("callBeforeDueDate")).isEqualTo(true);
        assertThat(advice("LOW", "PME", 25000.0).get("callBeforeDueDate")).isEqualTo(true);
        assertThat(advice("LOW", "PME", 500.0).get("callBeforeDueDate")).isEqualTo(false);
    }

    @Test
    void aCallThatFindsEverythingInOrderEndsThere() {
        ProcessInstance call = schedule();
        execute(job());
        assertThat(call).isWaitingAt("Task_CallBeforeDueDate");
        assertThat(task()).hasCandidateGroup("collectors");
        complete(task(), withVariables("callOutcome", "FINE"));
        execute(job());
        assertThat(call).isEnded().hasPassed("EndEvent_PaymentOnTrack");
    }

    @Test
    void anInvoicePaidBeforeTheCallNeedsNoCall() {
        stillDue = false;
        ProcessInstance call = schedule();
        execute(job());
        assertThat(call).isEnded().hasPassed("EndEvent_AlreadyPaid").hasNotPassed("Task_CallBeforeDueDate");
    }

    @Test
    void aDisputeFoundBeforeTheDueDateGoesToItsOwnPath() {
        ProcessInstance call = schedule();
        execute(job());
        complete(task(), withVariables("callOutcome", "DISPUTE", "disputeCategory", "ADMINISTRATIVE"));
        execute(job());
        assertThat(call).isEnded().hasPassed("EndEvent_DisputeOpened");
        assertThat(calls).contains("dispute:FA-9");
    }

    @Test
    void aDifficultyGoesToTheCreditManager() {
        ProcessInstance call = schedule();
        execute(job());
        complete(task(), withVariables("callOutcome", "DIFFICULTY", "disputeComment", "Trésorerie tendue"));
        execute(job());
        assertThat(call).isWaitingAt("Task_ReviewDifficulty");
        assertThat(task()).hasCandidateGroup("managers");
        complete(task(), withVariables("managerDecision", "Limite de crédit abaissée"));
        execute(job());
        assertThat(call).isEnded().hasPassed("EndEvent_DifficultyReviewed");
    }

    private static ProcessInstance schedule() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("PreCollectionCallProcess", "FA-9",
                withVariables("invoiceNumber", "FA-9", "customerId", 9L, "customerExternalId", "C9",
                        "dueDate", ParisDate.today().plusDays(7).toString(), "callDate", ParisDate.today().toString()));
        assertThat(instance).isWaitingAt("Event_CallDateReached");
        return instance;
    }

    private static DmnDecisionResultEntries advice(String risk, String segment, double amount) {
        return decisionService().evaluateDecisionByKey("PreCollectionCallDecision")
                .variables(withVariables("riskRating", risk, "segment", segment, "amount", amount))
                .evaluate().getSingleResult();
    }
}
