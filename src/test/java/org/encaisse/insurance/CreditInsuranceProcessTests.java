package org.encaisse.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.encaisse.collection.CollectionCalendarForTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The declaration watch of an insured customer: nothing to declare, paid before the deadline, declared in time,
 * or the deadline passed and the cover lost. The delegates stand in for the desk; they run for real in
 * CreditInsuranceTests.
 */
@Tag("process-model")
@Deployment(resources = {"processes/insurance/CreditInsuranceProcess.bpmn", "forms/insurance/DeclareToInsurerForm.form",
        "forms/insurance/AcknowledgeCoverLostForm.form"})
class CreditInsuranceProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-model-tests.cfg.xml")
            .assertClassCoverageAtLeast(0.95)
            .build();

    private final List<String> steps = new ArrayList<>();
    private final Date askFrom = Date.from(Instant.now().plus(20, ChronoUnit.DAYS));
    private final Date lostAfter = Date.from(Instant.now().plus(30, ChronoUnit.DAYS));

    @BeforeEach
    void standIns() {
        Mocks.register("collectionCalendar", CollectionCalendarForTests.paris());
        Mocks.register("recordDeclarationListener", (TaskListener) task ->
                steps.add("declared " + task.getVariable("insurerReference")));
        Mocks.register("markCoverLostDelegate", (JavaDelegate) execution -> steps.add("cover lost"));
        Mocks.register("acknowledgeCoverLostListener", (TaskListener) task ->
                steps.add("acknowledged " + task.getVariable("coverLostComment")));
        planning(true);
        stillUnpaid(true);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void endsAtOnceWhenNothingIsLeftToDeclare() {
        planning(false);
        ProcessInstance watch = start();
        execute(job());
        assertThat(watch).isEnded().hasPassed("EndEvent_NothingToDeclare");
    }

    @Test
    void waitsUntilTheLeadBeforeTheDeadlineThenEndsWhenTheInvoicesWerePaidMeanwhile() {
        stillUnpaid(false);
        ProcessInstance watch = start();
        execute(job());
        assertThat(watch).isWaitingAt("Event_DeclarationLeadReached");
        Job timer = managementService().createJobQuery().processInstanceId(watch.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(askFrom);
        execute(timer);
        execute(job());
        execute(job());
        assertThat(watch).isEnded().hasPassed("EndEvent_PaidBeforeDeclaration");
        assertThat(steps).isEmpty();
    }

    @Test
    void asksTheManagersToDeclareByTheDeadlineAndEndsDeclaredInTime() {
        ProcessInstance watch = waitingForTheDeclaration();
        assertThat(task()).hasCandidateGroup("managers").hasName("Déclarer l'impayé à l'assureur")
                .hasDueDate(lostAfter);
        complete(task(), withVariables("insurerReference", "MS-2026-4411"));
        execute(job());
        assertThat(watch).isEnded().hasPassed("EndEvent_DeclaredInTime");
        assertThat(steps).containsExactly("declared MS-2026-4411");
    }

    @Test
    void losesTheCoverWhenTheDeadlinePassesUndeclaredAndAsksAManagerToTakeNote() {
        ProcessInstance watch = waitingForTheDeclaration();
        Job deadline = managementService().createJobQuery().processInstanceId(watch.getId()).timers().singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(lostAfter);
        execute(deadline);
        assertThat(watch).isWaitingAt("Task_MarkCoverLost");
        execute(job());
        assertThat(watch).isWaitingAt("Task_AcknowledgeCoverLost");
        assertThat(task()).hasCandidateGroup("managers").hasName("Prendre acte de la perte de couverture");
        complete(task(), withVariables("coverLostComment", "Recours gracieux auprès de l'assureur"));
        execute(job());
        assertThat(watch).isEnded().hasPassed("EndEvent_CoverLost").hasNotPassed("EndEvent_DeclaredInTime");
        assertThat(steps).containsExactly("cover lost", "acknowledged Recours gracieux auprès de l'assureur");
    }

    private ProcessInstance waitingForTheDeclaration() {
        ProcessInstance watch = start();
        execute(job());
        execute(managementService().createJobQuery().processInstanceId(watch.getId()).timers().singleResult());
        execute(job());
        execute(job());
        assertThat(watch).isWaitingAt("Task_DeclareToInsurer");
        return watch;
    }

    private ProcessInstance start() {
        ProcessInstance watch = runtimeService().startProcessInstanceByKey("CreditInsuranceProcess", "C-ASSURE",
                Map.of("customerId", 7L, "insurer", "Atradius", "policyNumber", "ATR-55012"));
        assertThat(watch).isWaitingAt("Task_PlanDeclaration");
        return watch;
    }

    private void planning(boolean toDeclare) {
        Mocks.register("planDeclarationDelegate", (JavaDelegate) execution -> {
            execution.setVariable("toDeclare", toDeclare);
            execution.setVariable("declarationDeadline", "2027-01-15");
            execution.setVariable("declarationAskFrom", askFrom);
            execution.setVariable("declarationLostAfter", lostAfter);
        });
    }

    private void stillUnpaid(boolean unpaid) {
        Mocks.register("checkInvoicesStillUnpaidDelegate", (JavaDelegate) execution ->
                execution.setVariable("stillUnpaid", unpaid));
    }
}
