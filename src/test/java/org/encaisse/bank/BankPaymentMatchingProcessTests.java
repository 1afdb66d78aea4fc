package org.encaisse.bank;

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
import org.encaisse.collection.RejectedTaskInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Rapprocher le paiement" alone, delegates standing in; BankStatementImportTests runs them for real. */
@Deployment(resources = {"processes/bank/BankPaymentMatchingProcess.bpmn", "forms/bank/MatchPaymentForm.form"})
@Tag("process-model")
class BankPaymentMatchingProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void standIns() {
        Mocks.register("proposeLikelyCustomersDelegate", (JavaDelegate) execution -> {
            calls.add("propose");
            execution.setVariable("customerExternalId", "CLT0107");
        });
        Mocks.register("paymentHeadlineListener", (TaskListener) task -> calls.add("headline"));
        Mocks.register("checkPaymentMatchListener", (TaskListener) task -> {
            if (task.getVariable("matchDecision") == null) {
                throw new RejectedTaskInputException("no decision");
            }
            task.setVariable("matchedBy", "marie");
        });
        Mocks.register("recordMatchedPaymentDelegate", (JavaDelegate) execution ->
                calls.add("record:" + execution.getVariable("customerExternalId") + ":" + execution.getVariable("matchedBy")));
        Mocks.register("setBankEntryAsideDelegate", (JavaDelegate) execution -> calls.add("aside:" + execution.getVariable("matchedBy")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aCollectorMatchesThePaymentToACustomer() {
        ProcessInstance entry = received();
        assertThat(entry).isWaitingAt("Task_MatchPayment");
        assertThat(task(entry)).hasCandidateGroup("collectors");
        assertThat(taskService().createTaskQuery().processInstanceId(entry.getId()).initializeFormKeys().singleResult()
                .getCamundaFormRef().getKey()).isEqualTo("MatchPaymentForm");
        complete(task(entry), withVariables("matchDecision", "CUSTOMER_PAYMENT", "customerExternalId", "CLT0107",
                "invoiceNumbers", "FA2026-0087"));
        execute(job());
        assertThat(entry).isWaitingAt("Task_RecordMatchedPayment");
        execute(job());
        assertThat(entry).hasPassed("Task_RecordMatchedPayment").isEnded();
        assertThat(entry).hasPassed("EndEvent_PaymentMatched");
        assertThat(calls).containsExactly("propose", "headline", "record:CLT0107:marie");
    }

    @Test
    void aCollectorSetsAsideWhatNoCustomerPaid() {
        ProcessInstance entry = received();
        complete(task(entry), withVariables("matchDecision", "NOT_CUSTOMER_PAYMENT"));
        execute(job());
        execute(job());
        assertThat(entry).hasPassed("Task_SetEntryAside", "EndEvent_EntrySetAside").isEnded();
        assertThat(calls).containsExactly("propose", "headline", "aside:marie");
    }

    @Test
    void anAnswerTheCheckRefusesKeepsTheTaskOpen() {
        ProcessInstance entry = received();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService().complete(task(entry).getId()))
                .hasMessageContaining("no decision");
        assertThat(entry).isWaitingAt("Task_MatchPayment");
    }

    /** The import starts the process with the entry alone; the likely customers are proposed in a job of their own. */
    private static ProcessInstance received() {
        ProcessInstance entry = runtimeService().startProcessInstanceByKey("BankPaymentMatchingProcess", "2026120400013",
                withVariables("bankEntryId", 42L));
        assertThat(entry).isWaitingAt("Task_ProposeLikelyCustomers");
        assertThat(taskService().createTaskQuery().processInstanceId(entry.getId()).count()).isZero();
        execute(job());
        assertThat(entry).hasPassed("Task_ProposeLikelyCustomers").hasVariables("customerExternalId");
        return entry;
    }
}
