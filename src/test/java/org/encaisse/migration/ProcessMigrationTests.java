package org.encaisse.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A manager deploys a new version of the collection case, with the wait before reminder 2 removed,
 * a credit-insurance check added in its place and the formal notice brought forward, then moves the
 * running cases to it: the case at the collector's call moves and follows the new delay, the case
 * waiting before reminder 2 cannot and says why.
 */
@EncaisseTest
class ProcessMigrationTests {

    private static final String PROCESS = "CollectionCaseProcess";

    @Autowired
    Api api;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    private Deployment secondVersion;

    @AfterEach
    void removeTheSecondVersion() {
        if (secondVersion != null) {
            repository.deleteDeployment(secondVersion.getId(), true);
        }
    }

    @Test
    void runningCasesMoveToTheNewVersionExceptThoseAtARemovedStep() {
        LocalDate today = ParisDate.today();
        String waiting = api.customer();
        api.invoice(waiting, today.minusDays(33).toString(), today.minusDays(3).toString(), "700.00");
        String called = api.customer();
        api.invoice(called, today.minusDays(50).toString(), today.minusDays(20).toString(), "900.00");
        api.post("/api/aging-runs", "");
        String atTimer = caseOf(waiting);
        String atCall = caseOf(called);
        runUntil(atTimer, () -> runtime.getActivityInstance(atTimer).getActivityInstances("Event_SecondReminderDue").length > 0);
        runUntil(atCall, () -> tasks.createTaskQuery().processInstanceId(atCall).count() > 0);
        int firstVersion = repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceId(atCall)
                .singleResult().getProcessDefinitionId()).getVersion();

        secondVersion = repository.createDeployment().name("Relance 2 sans délai, assurance-crédit vérifiée")
                .addModelInstance("CollectionCaseProcess.bpmn", withCreditCheckInsteadOfTheWait()).deploy();

        JsonNode dryRun = migrate(true, atTimer, atCall).getBody();
        assertThat(dryRun.get("targetVersion").asInt()).isGreaterThan(firstVersion);
        assertThat(dryRun.get("movable").asInt()).isEqualTo(1);
        assertThat(outcome(dryRun, atTimer).get("moved").asBoolean()).isFalse();
        assertThat(outcome(dryRun, atTimer).get("reasons").toString()).contains("Event_SecondReminderDue");
        assertThat(outcome(dryRun, atCall).get("moved").asBoolean()).isTrue();
        assertThat(versionOf(atCall)).as("a dry run moves nothing").isEqualTo(firstVersion);

        JsonNode done = migrate(false, atTimer, atCall).getBody();
        assertThat(done.get("movable").asInt()).isEqualTo(1);
        assertThat(done.get("notMovable").asInt()).isEqualTo(1);
        assertThat(versionOf(atCall)).isEqualTo(dryRun.get("targetVersion").asInt());
        assertThat(versionOf(atTimer)).isEqualTo(firstVersion);
        assertThat(tasks.createTaskQuery().processInstanceId(atCall).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_CallCustomer");

        // On the new version the formal notice falls 10 days after the due date, not 45: the oldest
        // invoice fell due 20 days ago, so it waits only for the minimum gap after the firm letter.
        completeNextTask(atCall, java.util.Map.of("callOutcome", "NO_AGREEMENT"));
        completeNextTask(atCall, java.util.Map.of("buyerReached", "false", "salesCallNotes", "Messagerie"));
        completeNextTask(atCall, java.util.Map.of("blockDeliveries", false, "blockComment", "Pas encore"));
        runUntil(atCall, () -> runtime.getActivityInstance(atCall).getActivityInstances("Event_FormalNoticeDue").length > 0);
        Job formalNotice = management.createJobQuery().processInstanceId(atCall).timers().singleResult();
        LocalDate noticeDay = LocalDate.ofInstant(formalNotice.getDuedate().toInstant(), ParisDate.ZONE);
        assertThat(noticeDay).isBefore(today.plusDays(25)).isAfter(today);
    }

    private void completeNextTask(String instance, java.util.Map<String, Object> answer) {
        runUntil(instance, () -> tasks.createTaskQuery().processInstanceId(instance).count() > 0);
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(), answer);
    }

    @Test
    void onlyManagersMoveCasesAndAnUnknownProcessIsNamed() {
        ResponseEntity<JsonNode> unknown = api.post("/api/process-migrations", "{\"processDefinitionKey\": \"NoSuchProcess\"}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asText()).contains("NoSuchProcess");
        assertThat(api.post("/api/process-migrations", "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.as("nobody", "wrong-password").postForEntity("/api/process-migrations",
                jsonRequest("{\"processDefinitionKey\": \"CollectionCaseProcess\", \"dryRun\": true}"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The first version less its timer before reminder 2, and a manager's check in its place. */
    private BpmnModelInstance withCreditCheckInsteadOfTheWait() {
        InputStream file = getClass().getClassLoader().getResourceAsStream("processes/collection/CollectionCaseProcess.bpmn");
        BpmnModelInstance model = Bpmn.readModelFromStream(file);
        Process process = model.getModelElementById(PROCESS);
        SequenceFlow intoWait = model.getModelElementById("Flow_SendFirstReminderToSecondReminderDue");
        SequenceFlow outOfWait = model.getModelElementById("Flow_SecondReminderDueToSendSecondReminder");
        FlowNode wait = model.getModelElementById("Event_SecondReminderDue");
        FlowNode secondReminder = model.getModelElementById("Task_SendSecondReminder");

        UserTask check = model.newInstance(UserTask.class);
        check.setId("Task_CheckCreditInsurance");
        check.setName("Vérifier l'assurance-crédit");
        check.setCamundaCandidateGroups("managers");
        process.addChildElement(check);
        intoWait.setTarget(check);
        check.getIncoming().add(intoWait);
        SequenceFlow onwards = model.newInstance(SequenceFlow.class);
        onwards.setId("Flow_CheckCreditInsuranceToSendSecondReminder");
        process.addChildElement(onwards);
        onwards.setSource(check);
        onwards.setTarget(secondReminder);
        check.getOutgoing().add(onwards);
        secondReminder.getIncoming().remove(outOfWait);
        secondReminder.getIncoming().add(onwards);

        List<ModelElementInstance> diagram = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() == wait) {
                diagram.add(shape);
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() == outOfWait || edge.getBpmnElement() == intoWait) {
                diagram.add(edge);
            }
        }
        diagram.forEach(element -> element.getParentElement().removeChildElement(element));
        process.removeChildElement(outOfWait);
        process.removeChildElement(wait);
        TimerEventDefinition noticeTimer = model.getModelElementById("TimerEventDefinition_FormalNoticeDue");
        noticeTimer.getTimeDate().setTextContent(noticeTimer.getTimeDate().getTextContent()
                .replace("schedule.formalNoticeDays", "10"));
        Bpmn.validateModel(model);
        return model;
    }

    private ResponseEntity<JsonNode> migrate(boolean dryRun, String... instances) {
        return api.post("/api/process-migrations", """
                {"processDefinitionKey": "%s", "dryRun": %s, "processInstanceIds": ["%s"]}"""
                .formatted(PROCESS, dryRun, String.join("\", \"", instances)));
    }

    private static JsonNode outcome(JsonNode report, String instance) {
        for (JsonNode outcome : report.get("instances")) {
            if (outcome.get("processInstanceId").asText().equals(instance)) {
                return outcome;
            }
        }
        throw new AssertionError("no outcome for " + instance + " in " + report);
    }

    private int versionOf(String instance) {
        return repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceId(instance)
                .singleResult().getProcessDefinitionId()).getVersion();
    }

    private String caseOf(String customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(customer)
                .singleResult().getId();
    }

    /** Runs the case's jobs as the job executor would over the days, until it reaches the state. */
    private void runUntil(String instance, java.util.function.BooleanSupplier reached) {
        for (int i = 0; i < 10 && !reached.getAsBoolean(); i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(instance).orderByJobDuedate().asc().list();
            assertThat(jobs).as("jobs of " + instance).isNotEmpty();
            management.executeJob(jobs.get(0).getId());
        }
        assertThat(reached.getAsBoolean()).isTrue();
    }

    private static org.springframework.http.HttpEntity<String> jsonRequest(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }
}
