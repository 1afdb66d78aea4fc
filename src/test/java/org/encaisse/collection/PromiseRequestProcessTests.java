package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A promise the customer proposed from its page goes to the collectors, who accept or reject it. */
@Tag("process-model")
@Deployment(resources = {"processes/collection/PromiseRequestProcess.bpmn", "forms/collection/ReviewPromiseForm.form"})
class PromiseRequestProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private final List<String> decided = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theCollectorsDecideOnAPromiseTheCustomerProposed() {
        Mocks.register("collectionCalendar", CollectionCalendarForTests.paris());
        Mocks.register("recordPromiseReviewListener", (TaskListener) task ->
                decided.add(task.getVariable("proposedDate") + " " + task.getVariable("promiseDecision")));
        ProcessInstance proposed = runtimeService().startProcessInstanceByKey("PromiseRequestProcess", "C0007",
                Map.of("customerId", 7L, "proposedDate", "2027-02-15", "proposedAmount", "900.00 EUR"));
        assertThat(proposed).isWaitingAt("Task_ReviewPromise");
        assertThat(task()).hasCandidateGroup("collectors").hasName("Examiner la promesse du client");
        complete(task(), withVariables("promiseDecision", "ACCEPT"));
        execute(job());
        assertThat(proposed).isEnded().hasPassed("EndEvent_PromiseReviewed");
        assertThat(decided).containsExactly("2027-02-15 ACCEPT");
    }
}
