package org.encaisse.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A collection case worked as its people would over the days: the engine's jobs run as the job executor would,
 * and each task is claimed then completed over the engine's REST API with the person's own account, under the
 * permission matrix, as Tasklist does.
 */
public class CaseWork {

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    /** The customer's open collection case, after the day's aging run opened it. */
    public String caseOf(String customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("CollectionCaseProcess")
                .processInstanceBusinessKey(customer).singleResult().getId();
    }

    /** Claims then completes the case's next task, which must be {@code taskKey}. */
    public void work(String caseId, String taskKey, String user, String variables) {
        ResponseEntity<String> completed = tryToComplete(caseId, taskKey, user, variables);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The answer to completing the case's next task, which must be {@code taskKey}: refused input stays open. */
    public ResponseEntity<String> tryToComplete(String caseId, String taskKey, String user, String variables) {
        Task task = nextTask(caseId);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (task.getAssignee() == null) {
            assertThat(api.as(user).postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                    new HttpEntity<>("{\"userId\": \"" + user + "\"}", headers), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        return api.as(user).postForEntity("/engine-rest/task/" + task.getId() + "/complete",
                new HttpEntity<>("{\"variables\": " + variables + "}", headers), String.class);
    }

    /**
     * Takes a case from its call to the managers' choice after the formal notice: no agreement on the phone, the
     * sales rep cannot reach the buyer, deliveries go on.
     */
    public void bringToRecoveryDecision(String caseId, String collector, String salesRep, String manager) {
        work(caseId, "Task_CallCustomer", collector, "{\"callOutcome\": {\"value\": \"NO_AGREEMENT\"}}");
        work(caseId, "Task_AskSalesRepToCall", salesRep,
                "{\"buyerReached\": {\"value\": \"false\"}, \"salesCallNotes\": {\"value\": \"Messagerie\"}}");
        work(caseId, "Task_DecideDeliveryBlock", manager,
                "{\"blockDeliveries\": {\"value\": false}, \"blockComment\": {\"value\": \"Client historique\"}}");
        assertThat(nextTask(caseId).getTaskDefinitionKey()).isEqualTo("Task_DecideAgencyHandoff");
    }

    /** Runs the case's jobs, timers included, as the job executor would over the days, until someone has work. */
    public Task nextTask(String caseId) {
        for (int i = 0; i < 10 && tasks.createTaskQuery().processInstanceId(caseId).count() == 0; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(caseId).orderByJobDuedate().asc().list();
            assertThat(jobs).as("a job of the case").isNotEmpty();
            management.executeJob(jobs.get(0).getId());
        }
        return tasks.createTaskQuery().processInstanceId(caseId).singleResult();
    }

    /** Runs the case's jobs until it waits for no job: its end, or a task. */
    public void runJobs(String caseId) {
        for (int i = 0; i < 10; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(caseId).orderByJobDuedate().asc().list();
            if (jobs.isEmpty()) {
                return;
            }
            management.executeJob(jobs.get(0).getId());
        }
    }

    /** Sends the customer's letters waiting in their delivery processes. */
    public void deliverLetters(String customer) {
        for (var delivery : runtime.createProcessInstanceQuery().processDefinitionKey("CommunicationDeliveryProcess")
                .processInstanceBusinessKey(customer).list()) {
            for (Job job : management.createJobQuery().processInstanceId(delivery.getId()).list()) {
                management.executeJob(job.getId());
            }
        }
    }
}
