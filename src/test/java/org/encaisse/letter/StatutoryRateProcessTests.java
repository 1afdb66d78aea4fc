package org.encaisse.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The managers are asked for a half-year's rate, with the ECB's published value when there is one. */
@Tag("process-model")
@Deployment(resources = {"processes/penalties/StatutoryRateProcess.bpmn", "forms/penalties/EnterStatutoryRateForm.form"})
class StatutoryRateProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    private final List<String> recorded = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void asksTheManagersForTheRateByTheHalfYearsFirstDayWithTheEcbSuggestion() {
        Mocks.register("lookUpPublishedRateDelegate", (JavaDelegate) execution -> {
            execution.setVariable("publishedRate", "BCE 2.15 % : taux légal 12.15 %");
            execution.setVariable("ratePercent", 12.15);
        });
        Mocks.register("recordStatutoryRateListener", (TaskListener) task ->
                recorded.add(task.getVariable("halfYearStart") + " " + task.getVariable("ratePercent")));
        ProcessInstance request = runtimeService().startProcessInstanceByKey("StatutoryRateProcess", "taux-2027-01-01",
                Map.of("halfYearStart", "2027-01-01"));
        assertThat(request).isWaitingAt("Task_LookUpPublishedRate");
        execute(job());
        assertThat(request).isWaitingAt("Task_EnterStatutoryRate");
        assertThat(task()).hasCandidateGroup("managers").hasName("Saisir le taux légal du semestre");
        assertThat(task().getDueDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate())
                .isEqualTo(LocalDate.of(2027, 1, 1));
        complete(task(), withVariables("ratePercent", 12.40, "rateSource", "Banque de France"));
        execute(job());
        assertThat(request).isEnded().hasPassed("EndEvent_RateEntered");
        assertThat(recorded).containsExactly("2027-01-01 12.4");
    }
}
