package org.encaisse.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delivery of one communication: sent, dropped, or retried on its cycle until an incident. */
@Tag("process-model")
@Deployment(resources = "processes/communication/CommunicationDeliveryProcess.bpmn")
class CommunicationDeliveryProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void sendsTheRecordedCommunicationAfterTheRecordingCommitted() {
        Mocks.register("deliverCommunicationDelegate",
                (JavaDelegate) execution -> execution.setVariable("deliveryOutcome", "SENT"));
        ProcessInstance delivery = start();
        assertThat(delivery).isWaitingAt("Task_SendCommunication");
        execute(job(delivery));
        assertThat(delivery).hasPassed("Task_SendCommunication").isEnded().hasPassed("EndEvent_CommunicationSent");
    }

    @Test
    void endsWithoutSendingWhenTheInvoicesWerePaidMeanwhile() {
        Mocks.register("deliverCommunicationDelegate",
                (JavaDelegate) execution -> execution.setVariable("deliveryOutcome", "DROPPED"));
        ProcessInstance delivery = start();
        execute(job(delivery));
        assertThat(delivery).isEnded().hasPassed("EndEvent_CommunicationDropped");
    }

    @Test
    void holdsALetterWhoseRateIsMissingAndTriesAgainLater() {
        java.util.Deque<String> outcomes = new java.util.ArrayDeque<>(List.of("HELD", "SENT"));
        Mocks.register("deliverCommunicationDelegate",
                (JavaDelegate) execution -> execution.setVariable("deliveryOutcome", outcomes.pop()));
        ProcessInstance delivery = start();
        execute(job(delivery));
        assertThat(delivery).isWaitingAt("Event_StatutoryRateAwaited");
        execute(job(delivery));
        execute(job(delivery));
        assertThat(delivery).isEnded().hasPassed("EndEvent_CommunicationSent");
    }

    @Test
    void retriesOnItsCycleThenRaisesAnIncident() {
        Mocks.register("deliverCommunicationDelegate", (JavaDelegate) execution -> {
            throw new DeliveryFailedException("SMTP down", null);
        });
        ProcessInstance delivery = start();
        int attempts = 0;
        Job job = job(delivery);
        while (job.getRetries() > 0) {
            String id = job.getId();
            assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("SMTP down");
            attempts++;
            job = job(delivery);
        }
        assertThat(attempts).isEqualTo(6);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(delivery.getId()).count()).isEqualTo(1);
        assertThat(delivery).isWaitingAt("Task_SendCommunication");
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("CommunicationDeliveryProcess", "C0042",
                Map.of("communicationId", 42L, "customerId", 7L, "step", "FIRST_REMINDER"));
    }

    private static Job job(ProcessInstance delivery) {
        return managementService().createJobQuery().processInstanceId(delivery.getId()).singleResult();
    }
}
