package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daily timer starts one aging run, and the next run is scheduled at the configured time. */
@Tag("process-model")
class AgingRunProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final AtomicInteger runs = new AtomicInteger();

    @BeforeAll
    static void standIns() {
        // The timer start event reads its cron while the model deploys, so the bean is there first.
        Mocks.register("agingSchedule", new AgingSchedule("0 0 6 * * ?"));
        Mocks.register("runAgingDelegate", (JavaDelegate) execution -> runs.incrementAndGet());
    }

    @AfterAll
    static void reset() {
        Mocks.reset();
    }

    @Test
    @Deployment(resources = "processes/collection/AgingRunProcess.bpmn")
    void theMorningTimerRunsTheAgingOnceAndWaitsForTheNextMorning() {
        Job timer = managementService().createJobQuery().timers().singleResult();
        assertThat(timer.getDuedate()).isNotNull();
        execute(timer);
        Job run = managementService().createJobQuery().messages().singleResult();
        execute(run);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("EndEvent_AgingDone").count()).isEqualTo(1);
        assertThat(managementService().createJobQuery().timers().count()).as("next morning's timer").isEqualTo(1);
    }
}
