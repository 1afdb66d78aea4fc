package org.encaisse.payment;

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
import org.encaisse.collection.CollectionCalendarForTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A payment the customer announced goes to the collectors, who say whether the bank shows it. */
@Tag("process-model")
@Deployment(resources = {"processes/payment/PaymentAnnouncementProcess.bpmn", "forms/payment/CheckAnnouncedPaymentForm.form"})
class PaymentAnnouncementProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private final List<String> checked = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theCollectorsCheckTheAnnouncedPaymentAgainstTheBank() {
        Mocks.register("collectionCalendar", CollectionCalendarForTests.paris());
        Mocks.register("recordPaymentCheckListener", (TaskListener) task ->
                checked.add(task.getVariable("announcementId") + " " + task.getVariable("paymentCheck")));
        ProcessInstance announced = runtimeService().startProcessInstanceByKey("PaymentAnnouncementProcess", "C0007",
                Map.of("customerId", 7L, "announcementId", 51L, "announcedAmount", "1250.00 EUR"));
        assertThat(announced).isWaitingAt("Task_CheckAnnouncedPayment");
        assertThat(task()).hasCandidateGroup("collectors").hasName("Vérifier le paiement annoncé");
        complete(task(), withVariables("paymentCheck", "NOT_FOUND", "checkComment", "Rien sur le compte au 05/12"));
        execute(job());
        assertThat(announced).isEnded().hasPassed("EndEvent_PaymentChecked");
        assertThat(checked).containsExactly("51 NOT_FOUND");
    }
}
