package org.encaisse.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dispute path alone, delegates standing in; DisputeResolutionTests runs them for real. */
@Deployment(resources = {"processes/dispute/DisputeResolutionProcess.bpmn", "processes/dispute/RouteDisputeDecision.dmn",
        "forms/dispute/ResolveDisputeForm.form"})
@Tag("process-model")
class DisputeResolutionProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    private final List<String> calls = new ArrayList<>();
    private int acknowledged;

    @BeforeEach
    void standIns() {
        Mocks.register("assignDisputeDelegate", (JavaDelegate) execution ->
                calls.add("assign:" + execution.getVariable("resolverGroup")));
        Mocks.register("acknowledgeDisputeDelegate", (JavaDelegate) execution -> acknowledged++);
        Mocks.register("checkDisputeResolutionListener", (TaskListener) task -> calls.add("check"));
        Mocks.register("disputeHeadlineListener", (TaskListener) task -> calls.add("headline"));
        Mocks.register("applyDisputeResolutionDelegate", (JavaDelegate) execution ->
                calls.add("apply:" + execution.getVariable("resolution")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void routesAPricingDisputeToSales() {
        ProcessInstance dispute = raise("PRICING");
        assertThat(dispute).isWaitingAt("Task_ResolveDispute");
        assertThat(task(dispute)).hasCandidateGroup("sales");
        assertThat(taskService().createTaskQuery().processInstanceId(dispute.getId()).initializeFormKeys().singleResult()
                .getCamundaFormRef().getKey()).isEqualTo("ResolveDisputeForm");
        assertThat(calls).containsExactly("assign:sales", "headline");
        assertThat(acknowledged).as("acknowledgements recorded").isEqualTo(1);
    }

    @Test
    void routesDeliveryAndQualityDisputesToLogistics() {
        assertThat(task(raise("DELIVERY"))).hasCandidateGroup("logistics");
        assertThat(task(raise("QUALITY"))).hasCandidateGroup("logistics");
    }

    @Test
    void routesAnInvoiceErrorToCollectorsWithAShorterDeadline() {
        ProcessInstance dispute = raise("ADMINISTRATIVE");
        assertThat(task(dispute)).hasCandidateGroup("collectors");
        long days = java.time.Duration.between(java.time.Instant.now(), task(dispute).getDueDate().toInstant()).toDays();
        assertThat(days).as("days to decide").isEqualTo(4);
    }

    @Test
    void aCreditNoteAdjustsTheInvoice() {
        ProcessInstance dispute = raise("PRICING");
        complete(task(dispute), withVariables("resolution", "CREDIT_NOTE", "creditNoteAmount", 120.0));
        execute(job());
        assertThat(dispute).isWaitingAt("Task_ApplyResolution");
        execute(job());
        assertThat(dispute).hasPassed("Task_ApplyResolution").isEnded().hasPassed("EndEvent_InvoiceAdjusted");
        assertThat(calls).containsExactly("assign:sales", "headline", "check", "apply:CREDIT_NOTE");
    }

    @Test
    void aRejectedDisputeLeavesTheInvoiceDue() {
        ProcessInstance dispute = raise("QUALITY");
        complete(task(dispute), withVariables("resolution", "REJECTED"));
        execute(job());
        execute(job());
        assertThat(dispute).isEnded().hasPassed("EndEvent_DisputeRejected").hasNotPassed("EndEvent_InvoiceAdjusted");
    }

    private static ProcessInstance raise(String category) {
        return runtimeService().startProcessInstanceByKey("DisputeResolutionProcess", "FA-" + category,
                withVariables("disputeId", 1L, "invoiceNumber", "FA-" + category, "category", category));
    }
}
