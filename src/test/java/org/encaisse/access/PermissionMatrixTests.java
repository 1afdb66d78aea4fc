package org.encaisse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.encaisse.support.WebappSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The permission matrix cell by cell, over the engine's REST API (as Camunda Modeler and scripts
 * call it) and over the webapps' own API (as Tasklist and Cockpit call it): what each group may
 * do is allowed, and what it may not is refused.
 */
@EncaisseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Api api;

    @Autowired
    TestRestTemplate anonymous;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @LocalServerPort
    int port;

    String collector;
    String salesRep;
    String logistician;
    String manager;
    String auditor;

    String caseId;
    String callTask;
    String disputeTask;
    String finishedRun;

    @BeforeAll
    void usersAndWork() {
        collector = api.user(Groups.COLLECTORS);
        salesRep = api.user(Groups.SALES);
        logistician = api.user(Groups.LOGISTICS);
        manager = api.user(Groups.MANAGERS);
        auditor = api.user(Groups.AUDITORS);

        String customer = api.customer();
        LocalDate today = ParisDate.today();
        api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "700");
        String disputed = api.invoice(customer, today.minusDays(40).toString(), today.minusDays(10).toString(), "300");
        api.post("/api/disputes", "{\"invoiceNumber\": \"%s\", \"category\": \"PRICING\", \"description\": \"Remise oubliée\"}"
                .formatted(disputed));
        disputeTask = tasks.createTaskQuery().processInstanceBusinessKey(disputed)
                .taskDefinitionKey("Task_ResolveDispute").singleResult().getId();

        api.post("/api/aging-runs", "");
        caseId = runtime.createProcessInstanceQuery().processDefinitionKey("CollectionCaseProcess")
                .processInstanceBusinessKey(customer).singleResult().getId();
        for (int i = 0; i < 10 && tasks.createTaskQuery().processInstanceId(caseId).count() == 0; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(caseId).orderByJobDuedate().asc().list();
            management.executeJob(jobs.get(0).getId());
        }
        callTask = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_CallCustomer")
                .singleResult().getId();
        // The first reminder's delivery, sent: a finished instance whose history must outlive any auditor.
        String delivery = runtime.createProcessInstanceQuery().processDefinitionKey("CommunicationDeliveryProcess")
                .processInstanceBusinessKey(customer).list().get(0).getId();
        for (Job job : management.createJobQuery().processInstanceId(delivery).list()) {
            management.executeJob(job.getId());
        }
        finishedRun = history.createHistoricProcessInstanceQuery().processInstanceId(delivery).finished()
                .singleResult().getId();
    }

    @Test
    void eachGroupSeesTheTasksOfItsOwnQueue() {
        String ofCase = "/engine-rest/task/count?processInstanceId=" + caseId;
        assertThat(count(collector, ofCase)).isEqualTo(1);
        assertThat(count(salesRep, ofCase)).isZero();
        assertThat(count(logistician, ofCase)).isZero();
        assertThat(count(manager, ofCase)).isEqualTo(1);
        assertThat(count(auditor, ofCase)).isEqualTo(1);

        assertThat(status(salesRep, HttpMethod.GET, "/engine-rest/task/" + disputeTask, null)).isEqualTo(200);
        assertThat(status(collector, HttpMethod.GET, "/engine-rest/task/" + disputeTask, null)).isEqualTo(404);
        assertThat(status(logistician, HttpMethod.GET, "/engine-rest/task/" + disputeTask, null)).isEqualTo(404);
    }

    /** The queue's speed on MariaDB rests on checking revokes always; "never" would be as fast but blind to this. */
    @Test
    void aTaskRevokedFromACollectorLeavesTheirQueue() {
        assertThat(engineConfiguration.getAuthorizationCheckRevokes()).isEqualTo("always");
        // A collector of their own: one who worked the task holds a user grant on it, which outranks a revoke.
        String newcomer = api.user(Groups.COLLECTORS);
        String ofCase = "/engine-rest/task/count?processInstanceId=" + caseId;
        assertThat(count(newcomer, ofCase)).isEqualTo(1);
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId(newcomer);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(callTask);
        revoke.removePermission(TaskPermissions.READ);
        authorizations.saveAuthorization(revoke);
        try {
            assertThat(count(newcomer, ofCase)).isZero();
        } finally {
            authorizations.deleteAuthorization(revoke.getId());
        }
    }

    @Test
    void theCandidateGroupWorksItsTaskOthersCannot() {
        String claim = "/engine-rest/task/" + disputeTask + "/claim";
        assertThat(status(collector, HttpMethod.POST, claim, body("userId", collector))).isEqualTo(403);
        assertThat(status(logistician, HttpMethod.POST, claim, body("userId", logistician))).isEqualTo(403);
        assertThat(status(auditor, HttpMethod.POST, claim, body("userId", auditor))).isEqualTo(403);
        assertThat(status(salesRep, HttpMethod.POST, claim, body("userId", salesRep))).isEqualTo(204);
        assertThat(status(salesRep, HttpMethod.POST, "/engine-rest/task/" + disputeTask + "/unclaim", null)).isEqualTo(204);
    }

    @Test
    void anAuditorCanNeitherClaimCompleteReassignNorChangeATask() {
        String task = "/engine-rest/task/" + callTask;
        assertThat(status(auditor, HttpMethod.POST, task + "/claim", body("userId", auditor))).isEqualTo(403);
        assertThat(status(auditor, HttpMethod.POST, task + "/assignee", body("userId", collector))).isEqualTo(403);
        assertThat(status(auditor, HttpMethod.POST, task + "/delegate", body("userId", collector))).isEqualTo(403);
        assertThat(status(auditor, HttpMethod.POST, task + "/complete",
                "{\"variables\": {\"callOutcome\": {\"value\": \"NO_AGREEMENT\"}}}")).isEqualTo(403);
        assertThat(status(auditor, HttpMethod.PUT, task + "/variables/callOutcome",
                "{\"value\": \"PROMISE\", \"type\": \"String\"}")).isEqualTo(403);
        assertThat(status(auditor, HttpMethod.DELETE, task + "/variables/customerId", null)).isEqualTo(403);
        assertThat(status(auditor, HttpMethod.GET, task + "/variables", null)).isEqualTo(200);
        assertThat(tasks.createTaskQuery().taskId(callTask).singleResult().getAssignee()).isNull();
        assertThat(tasks.getVariable(callTask, "customerId")).isNotNull();
        assertThat(tasks.getVariable(callTask, "callOutcome")).isNull();
    }

    @Test
    void aManagerReassignsACollectorsTask() {
        String task = "/engine-rest/task/" + callTask;
        assertThat(status(collector, HttpMethod.POST, task + "/assignee", body("userId", manager))).isEqualTo(204);
        assertThat(status(manager, HttpMethod.POST, task + "/assignee", body("userId", collector))).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(callTask).singleResult().getAssignee()).isEqualTo(collector);
        assertThat(status(manager, HttpMethod.POST, task + "/unclaim", null)).isEqualTo(204);
    }

    @Test
    void onlyManagersChangeARunningCase() {
        String instance = "/engine-rest/process-instance/" + caseId;
        String note = "{\"modifications\": {\"auditNote\": {\"value\": \"vu\", \"type\": \"String\"}}}";
        assertThat(status(auditor, HttpMethod.GET, instance, null)).isEqualTo(200);
        assertThat(status(collector, HttpMethod.GET, instance, null)).isEqualTo(404);
        assertThat(status(auditor, HttpMethod.POST, instance + "/variables", note)).isEqualTo(403);
        assertThat(status(collector, HttpMethod.POST, instance + "/variables", note)).isEqualTo(403);
        assertThat(status(auditor, HttpMethod.PUT, instance + "/variables/customerId",
                "{\"value\": 1, \"type\": \"Long\"}")).isEqualTo(403);
        assertThat(status(auditor, HttpMethod.PUT, instance + "/suspended", "{\"suspended\": true}")).isEqualTo(403);
        assertThat(status(auditor, HttpMethod.DELETE, instance, null)).isEqualTo(403);
        assertThat(status(collector, HttpMethod.DELETE, instance, null)).isEqualTo(403);
        assertThat(status(salesRep, HttpMethod.DELETE, instance, null)).isEqualTo(403);
        assertThat(runtime.getVariable(caseId, "auditNote")).isNull();

        assertThat(status(manager, HttpMethod.GET, instance, null)).isEqualTo(200);
        assertThat(status(manager, HttpMethod.POST, instance + "/variables", note)).isEqualTo(204);
        assertThat(runtime.getVariable(caseId, "auditNote")).isEqualTo("vu");
        runtime.removeVariable(caseId, "auditNote");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).active().count()).isEqualTo(1);
    }

    @Test
    void onlyManagersDeployAndNobodyElseDeletesADeployment() throws Exception {
        byte[] model = Files.readAllBytes(Path.of("processes/dispute/RouteDisputeDecision.dmn"));
        assertThat(deploy(null, model)).isEqualTo(401);
        assertThat(deploy(auditor, model)).isEqualTo(403);
        assertThat(deploy(collector, model)).isEqualTo(403);
        assertThat(deploy(salesRep, model)).isEqualTo(403);
        assertThat(deploy(logistician, model)).isEqualTo(403);
        assertThat(deploy(manager, model)).isEqualTo(200);

        String deployment = repository.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 1).get(0).getId();
        assertThat(count(auditor, "/engine-rest/deployment/count")).isPositive();
        assertThat(count(collector, "/engine-rest/deployment/count")).isZero();
        assertThat(status(auditor, HttpMethod.DELETE, "/engine-rest/deployment/" + deployment, null)).isEqualTo(403);
        // Those who may not even read a deployment are told it is not there.
        assertThat(status(collector, HttpMethod.DELETE, "/engine-rest/deployment/" + deployment, null)).isEqualTo(404);
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isEqualTo(1);
    }

    @Test
    void auditorsReadDecisionsAndTheirHistoryManagersAlsoEvaluateThem() {
        String definitions = "/engine-rest/decision-definition/count?key=RouteDisputeDecision";
        assertThat(count(auditor, definitions)).isPositive();
        assertThat(count(manager, definitions)).isPositive();
        assertThat(count(collector, definitions)).isZero();
        assertThat(count(auditor, "/engine-rest/history/decision-instance/count?processInstanceId=" + caseId)).isPositive();
        assertThat(count(collector, "/engine-rest/history/decision-instance/count?processInstanceId=" + caseId)).isZero();

        String evaluate = "/engine-rest/decision-definition/key/RouteDisputeDecision/evaluate";
        String input = "{\"variables\": {\"category\": {\"value\": \"DELIVERY\", \"type\": \"String\"}}}";
        assertThat(status(auditor, HttpMethod.POST, evaluate, input)).isEqualTo(403);
        assertThat(status(collector, HttpMethod.POST, evaluate, input)).isEqualTo(404);
        assertThat(status(manager, HttpMethod.POST, evaluate, input)).isEqualTo(200);
    }

    @Test
    void auditorsAndManagersReadTheHistoryNobodyElseDoesAndNobodyDeletesIt() {
        String ofCase = "/engine-rest/history/process-instance/count?processInstanceId=" + caseId;
        assertThat(count(auditor, ofCase)).isEqualTo(1);
        assertThat(count(manager, ofCase)).isEqualTo(1);
        assertThat(count(collector, ofCase)).isZero();
        assertThat(count(salesRep, ofCase)).isZero();
        assertThat(count(auditor, "/engine-rest/history/activity-instance/count?processInstanceId=" + caseId)).isPositive();
        assertThat(count(auditor, "/engine-rest/history/task/count?processInstanceId=" + caseId)).isEqualTo(1);
        assertThat(count(collector, "/engine-rest/history/task/count?processInstanceId=" + caseId)).isZero();
        assertThat(count(auditor, "/engine-rest/history/variable-instance/count?processInstanceId=" + caseId)).isPositive();
        assertThat(status(auditor, HttpMethod.GET, "/engine-rest/history/user-operation?maxResults=5", null)).isEqualTo(200);

        String run = "/engine-rest/history/process-instance/" + finishedRun;
        assertThat(status(auditor, HttpMethod.DELETE, run, null)).isEqualTo(403);
        assertThat(status(collector, HttpMethod.DELETE, run, null)).isEqualTo(403);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finishedRun).count()).isEqualTo(1);
    }

    @Test
    void encaissesApiLetsEveryGroupReadAndOnlyCollectorsAndManagersWrite() {
        String customer = api.customer();
        for (String reader : List.of(collector, salesRep, logistician, manager, auditor)) {
            assertThat(status(reader, HttpMethod.GET, "/api/customers/" + customer, null)).as(reader).isEqualTo(200);
            assertThat(status(reader, HttpMethod.GET, "/api/customers/" + customer + "/timeline", null)).as(reader)
                    .isEqualTo(200);
        }
        for (String refused : List.of(salesRep, logistician, auditor)) {
            assertThat(status(refused, HttpMethod.POST, "/api/customers", newCustomer())).as(refused).isEqualTo(403);
            assertThat(status(refused, HttpMethod.POST, "/api/payments", "{}")).as(refused).isEqualTo(403);
            assertThat(status(refused, HttpMethod.POST, "/api/disputes", "{}")).as(refused).isEqualTo(403);
        }
        assertThat(status(collector, HttpMethod.POST, "/api/customers", newCustomer())).isEqualTo(200);
        assertThat(status(manager, HttpMethod.POST, "/api/customers", newCustomer())).isEqualTo(200);
        for (String notManager : List.of(collector, salesRep, auditor)) {
            assertThat(status(notManager, HttpMethod.POST, "/api/aging-runs", null)).as(notManager).isEqualTo(403);
            assertThat(status(notManager, HttpMethod.POST, "/api/process-migrations", "{}")).as(notManager)
                    .isEqualTo(403);
        }
        assertThat(status(manager, HttpMethod.POST, "/api/process-migrations", "{}")).as("no key given").isEqualTo(400);
    }

    @Test
    void onlyCamundaAdminsAdministerUsersGroupsMembershipsTenantsAndAuthorizations() {
        String administrator = api.user(Groups.CAMUNDA_ADMIN);
        for (String refused : List.of(collector, salesRep, logistician, manager, auditor)) {
            String newcomer = Api.unique("u").replace("-", "");
            assertThat(status(refused, HttpMethod.POST, "/engine-rest/user/create", newUser(newcomer))).as(refused)
                    .isEqualTo(403);
            assertThat(status(refused, HttpMethod.PUT, "/engine-rest/group/managers/members/" + refused, null))
                    .as(refused).isEqualTo(403);
            assertThat(status(refused, HttpMethod.POST, "/engine-rest/group/create",
                    "{\"id\": \"%s\", \"name\": \"x\"}".formatted(newcomer))).as(refused).isEqualTo(403);
            assertThat(status(refused, HttpMethod.POST, "/engine-rest/tenant/create",
                    "{\"id\": \"%s\", \"name\": \"x\"}".formatted(newcomer))).as(refused).isEqualTo(403);
            assertThat(status(refused, HttpMethod.POST, "/engine-rest/authorization/create", grantOnTasks(refused)))
                    .as(refused).isEqualTo(403);
        }
        String newcomer = Api.unique("u").replace("-", "");
        assertThat(status(administrator, HttpMethod.POST, "/engine-rest/user/create", newUser(newcomer))).isEqualTo(204);
        assertThat(status(administrator, HttpMethod.PUT, "/engine-rest/group/collectors/members/" + newcomer, null))
                .isEqualTo(204);
        assertThat(status(administrator, HttpMethod.POST, "/engine-rest/tenant/create",
                "{\"id\": \"%s\", \"name\": \"Filiale\"}".formatted(newcomer))).isEqualTo(204);
        assertThat(status(administrator, HttpMethod.POST, "/engine-rest/authorization/create", grantOnTasks(newcomer)))
                .isEqualTo(200);
        assertThat(status(newcomer, HttpMethod.GET, "/engine-rest/task/count", null)).isEqualTo(200);
    }

    private static String newUser(String id) {
        return "{\"profile\": {\"id\": \"%s\", \"firstName\": \"Nina\", \"lastName\": \"Roche\"},"
                .formatted(id) + " \"credentials\": {\"password\": \"%s\"}}".formatted(Api.passwordOf(id));
    }

    private static String grantOnTasks(String user) {
        return "{\"type\": 1, \"permissions\": [\"READ\"], \"userId\": \"%s\", \"resourceType\": 7, \"resourceId\": \"*\"}"
                .formatted(user);
    }

    private static String newCustomer() {
        return "{\"externalId\": \"%s\", \"name\": \"Client SAS\"}".formatted(Api.unique("C"));
    }

    @Test
    void inTheWebappsAnAuditorReadsCockpitAndCannotWrite() throws Exception {
        WebappSession cockpit = WebappSession.open(port, "cockpit");
        var login = cockpit.login("cockpit", auditor, Api.passwordOf(auditor));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode me = JSON.readTree(login.body());
        assertThat(me.get("authorizedApps")).extracting(JsonNode::asText).contains("cockpit", "tasklist")
                .doesNotContain("admin");

        assertThat(cockpit.engine("GET", "/process-instance/" + caseId, null).statusCode()).isEqualTo(200);
        assertThat(cockpit.engine("GET", "/history/process-instance/count?processInstanceId=" + caseId, null).body())
                .contains("\"count\":1");
        var claim = cockpit.engine("POST", "/task/" + callTask + "/claim", body("userId", auditor));
        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(claim.body()).as("refused by the engine's authorizations, not by CSRF")
                .contains("does not have", "permission");
        assertThat(cockpit.engine("POST", "/task/" + callTask + "/complete", "{\"variables\": {}}").statusCode())
                .isEqualTo(403);
        assertThat(cockpit.engine("POST", "/task/" + callTask + "/assignee", body("userId", collector)).statusCode())
                .isEqualTo(403);
        assertThat(cockpit.engine("POST", "/process-instance/" + caseId + "/variables",
                "{\"modifications\": {\"x\": {\"value\": 1, \"type\": \"Integer\"}}}").statusCode()).isEqualTo(403);
        assertThat(cockpit.engine("DELETE", "/process-instance/" + caseId, null).statusCode()).isEqualTo(403);
        assertThat(cockpit.engine("DELETE", "/history/process-instance/" + finishedRun, null).statusCode()).isEqualTo(403);

        var admin = WebappSession.open(port, "admin").login("admin", auditor, Api.passwordOf(auditor));
        assertThat(admin.statusCode()).isEqualTo(403);
    }

    @Test
    void inTheWebappsACollectorWorksTasklistAndCannotOpenCockpit() {
        assertThat(WebappSession.open(port, "cockpit").login("cockpit", collector, Api.passwordOf(collector)).statusCode())
                .isEqualTo(403);
        WebappSession tasklist = WebappSession.open(port, "tasklist");
        assertThat(tasklist.login("tasklist", collector, Api.passwordOf(collector)).statusCode()).isEqualTo(200);
        assertThat(tasklist.engine("GET", "/task/count?processInstanceId=" + caseId, null).body()).contains("\"count\":1");
        assertThat(tasklist.engine("GET", "/task/" + callTask + "/deployed-form", null).statusCode()).isEqualTo(200);
        assertThat(tasklist.engine("POST", "/task/" + disputeTask + "/claim", body("userId", collector)).statusCode())
                .isEqualTo(403);
        assertThat(tasklist.engine("POST", "/task/" + callTask + "/claim", body("userId", collector)).statusCode())
                .isEqualTo(204);
        assertThat(tasklist.engine("POST", "/task/" + callTask + "/unclaim", null).statusCode()).isEqualTo(204);
    }

    private static String body(String field, String value) {
        return "{\"" + field + "\": \"" + value + "\"}";
    }

    private int status(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = api.as(user)
                .exchange(path, method, new HttpEntity<>(json, headers), String.class);
        return response.getStatusCode().value();
    }

    private long count(String user, String path) {
        ResponseEntity<JsonNode> response = api.as(user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode().value()).as(user + " GET " + path).isEqualTo(200);
        return response.getBody().get("count").asLong();
    }

    private int deploy(String user, byte[] model) {
        TestRestTemplate http = user == null ? anonymous : api.as(user);
        return Api.deployFromModeler(http, "processes/dispute/RouteDisputeDecision.dmn", model).getStatusCode().value();
    }
}
