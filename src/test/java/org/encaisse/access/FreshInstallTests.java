package org.encaisse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.encaisse.support.Browser;
import org.encaisse.support.PackagedApplication;
import org.encaisse.support.ParisDate;
import org.encaisse.support.TestDatabase;
import org.encaisse.support.WebappSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * A production install as a company meets it: the packaged jar started as the README says, on a fresh
 * MariaDB database, without demo data. The administrator adds the first users by following the README's
 * "Add the first users" word for word, and one more in Camunda Admin in a browser; then each user, created
 * at run time, is tried against every column of the permission table in docs/security.md over the real
 * HTTP API: one call the table allows and one it refuses.
 */
@Tag("packaged")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshInstallTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "accadmin";
    private static final String ADMIN_PASSWORD = "Tresorerie-Lyon-2026";
    /** The user the test adds through Camunda Admin's pages. */
    private static final String BROWSER_USER = "lea";
    private static final String BROWSER_USER_PASSWORD = "Quai-de-Saone-69";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, String> groupOf = new LinkedHashMap<>();
    private GreenMail smtp;
    private PackagedApplication application;

    private String customer;
    private String caseId;
    private final Map<String, String> disputeTaskOf = new LinkedHashMap<>();
    private String finishedDispute;

    @BeforeAll
    void startAsTheReadmeSays() throws Exception {
        String url = TestDatabase.recreate(TestDatabase.mariaDbUrl(), env("MARIADB_USER", "root"),
                env("MARIADB_PASSWORD", ""), "encaisse_fresh_install");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        application = new PackagedApplication("fresh-install", Path.of(System.getProperty("encaisse.packaged.jar")),
                Path.of("target", "fresh-install"), Map.of(
                "SPRING_PROFILES_ACTIVE", "mariadb",
                "DB_URL", url, "DB_USER", env("MARIADB_USER", "root"), "DB_PASSWORD", env("MARIADB_PASSWORD", ""),
                "ENCAISSE_ADMIN_USER", ADMIN, "ENCAISSE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtp.getSmtp().getPort())), List.of());
        application.start();
        passwords.put(ADMIN, ADMIN_PASSWORD);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (application != null) {
            application.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void theAdministratorAloneExistsAndNoDemoDataWasLoaded() throws Exception {
        JsonNode users = json(call(ADMIN, "GET", "/engine-rest/user", null), 200);
        assertThat(users.findValuesAsText("id")).containsExactly(ADMIN);
        assertThat(call(ADMIN, "GET", "/api/customers/C0001", null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void theAdministratorAddsTheFirstUsersByFollowingTheReadme() throws Exception {
        String block = readmeBlock("## Add the first users");
        Matcher added = Pattern.compile("(?m)^add_user (\\w+) \\S+ \\S+ \\S+ '([^']+)' (\\w+)$").matcher(block);
        while (added.find()) {
            passwords.put(added.group(1), added.group(2));
            groupOf.put(added.group(1), added.group(3));
        }
        assertThat(groupOf.values()).as("the README adds a collector, an auditor and a manager")
                .contains(Groups.COLLECTORS, Groups.AUDITORS, Groups.MANAGERS);

        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c",
                block.replace("http://localhost:8080", "http://127.0.0.1:" + application.port()))
                .redirectErrorStream(true);
        bash.environment().put("ENCAISSE_ADMIN_USER", ADMIN);
        bash.environment().put("ENCAISSE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process run = bash.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as("the README's commands, which printed:\n" + output).isZero();

        for (Map.Entry<String, String> user : groupOf.entrySet()) {
            JsonNode groups = json(call(user.getKey(), "GET", "/engine-rest/identity/groups?userId=" + user.getKey(),
                    null), 200);
            assertThat(groups.path("groups").findValuesAsText("id")).as(user.getKey()).containsExactly(user.getValue());
        }
    }

    @Test
    @Order(3)
    void aPasswordOutsideThePolicyIsRefusedWithTheRulesItBreaks() throws Exception {
        HttpResponse<String> refused = call(ADMIN, "POST", "/engine-rest/user/create", newUser("weak", "motdepasse"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("password", "upper-case", "digit", "special character");
        assertThat(json(call(ADMIN, "GET", "/engine-rest/user/count?id=weak", null), 200).get("count").asInt()).isZero();

        // A user changes its own password, as Tasklist's "My profile" does: held to the same policy.
        String collector = userOf(Groups.COLLECTORS);
        String credentials = "/engine-rest/user/" + collector + "/credentials";
        String change = "{\"password\": \"%s\", \"authenticatedUserPassword\": \"%s\"}";
        HttpResponse<String> weak = call(collector, "PUT", credentials, change.formatted("relances", passwords.get(collector)));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("upper-case", "digit");
        String renewed = "Nouvelle-Annee-2027";
        assertThat(status(collector, "PUT", credentials, change.formatted(renewed, passwords.get(collector)))).isEqualTo(204);
        passwords.put(collector, renewed);
        assertThat(status(collector, "GET", "/engine-rest/task/count", null)).isEqualTo(200);
    }

    @Test
    @Order(4)
    void theAdministratorAddsAUserInCamundaAdmin() throws Exception {
        try (Browser browser = new Browser(application.port())) {
            logIn(browser, "admin", ADMIN, ADMIN_PASSWORD, "Administrateur Encaisse");
            browser.go("/camunda/app/admin/default/#/user-create");
            browser.await(By.id("inputUserId")).sendKeys(BROWSER_USER);
            browser.find("#inputPassword").sendKeys(BROWSER_USER_PASSWORD);
            browser.find("#inputPasswordRepeat").sendKeys(BROWSER_USER_PASSWORD);
            browser.find("#inputFirstname").sendKeys("Léa");
            browser.find("#inputLastname").sendKeys("Garnier");
            browser.find("#inputEmail").sendKeys("lea.garnier@example.fr");
            browser.click(By.cssSelector("button[type=submit]"));
            browser.await(By.xpath("//*[contains(., 'Created new user " + BROWSER_USER + "')]"));

            browser.go("/camunda/app/admin/default/#/users/" + BROWSER_USER + "?tab=groups");
            browser.click(By.xpath("//a[contains(., 'Add to a group')]"));
            browser.tick(By.xpath("//tr[td[contains(@class, 'group-id')]/a[normalize-space(.) = '" + Groups.LOGISTICS
                    + "']]//input[@type = 'checkbox']"));
            browser.click(By.cssSelector("button[ng-click='createGroupMemberships()']"));
            browser.click(By.cssSelector("button[ng-click='close(status)']"));
        }
        passwords.put(BROWSER_USER, BROWSER_USER_PASSWORD);
        groupOf.put(BROWSER_USER, Groups.LOGISTICS);
        JsonNode groups = json(call(BROWSER_USER, "GET", "/engine-rest/identity/groups?userId=" + BROWSER_USER, null), 200);
        assertThat(groups.path("groups").findValuesAsText("id")).containsExactly(Groups.LOGISTICS);
    }

    @Test
    @Order(5)
    void theAdministratorAddsASalesRepAndAnAdministratorOverTheApi() throws Exception {
        addOverApi("paul", "Commerce-Rhone-42", Groups.SALES);
        addOverApi("adele", "Console-Admin-77", Groups.CAMUNDA_ADMIN);
    }

    @Test
    @Order(6)
    void everyRowOfThePermissionTableHoldsOverTheApiForUsersCreatedAtRunTime() throws Exception {
        prepareWork();
        String collector = userOf(Groups.COLLECTORS);
        String manager = userOf(Groups.MANAGERS);
        String auditor = userOf(Groups.AUDITORS);
        String administrator = userOf(Groups.CAMUNDA_ADMIN);
        List<String> failures = new ArrayList<>();
        PermissionCheck check = new PermissionCheck(failures);

        for (String worker : List.of(collector, userOf(Groups.SALES), userOf(Groups.LOGISTICS))) {
            String group = groupOf.get(worker);
            String ownTask = disputeTaskOf.get(group);
            String otherTask = disputeTaskOf.get(group.equals(Groups.SALES) ? Groups.LOGISTICS : Groups.SALES);
            check.allowed(worker, "webapps", "logs in to Tasklist", login(worker, "tasklist"), 200);
            check.refused(worker, "webapps", "logs in to Cockpit", login(worker, "cockpit"), 403);
            check.allowed(worker, "tasks", "claims a task of its group", status(worker, "POST",
                    "/engine-rest/task/" + ownTask + "/claim", body("userId", worker)), 204);
            check.allowed(worker, "tasks", "gives it back", status(worker, "POST",
                    "/engine-rest/task/" + ownTask + "/unclaim", null), 204);
            check.refused(worker, "tasks", "claims another group's task", status(worker, "POST",
                    "/engine-rest/task/" + otherTask + "/claim", body("userId", worker)), 403);
            check.refused(worker, "running cases", "reads the collection case", status(worker, "GET",
                    "/engine-rest/process-instance/" + caseId, null), 404);
            check.allowed(worker, "deployments, models, decisions", "reads a diagram", status(worker, "GET",
                    "/engine-rest/process-definition/key/DisputeResolutionProcess/xml", null), 200);
            check.refused(worker, "deployments, models, decisions", "deploys a model", deploy(worker), 403);
            check.refused(worker, "history", "finds the case in the history (count)", count(worker,
                    "/engine-rest/history/process-instance/count?processInstanceId=" + caseId), 0);
            check.allowed(worker, "Encaisse API", "reads a customer", status(worker, "GET",
                    "/api/customers/" + customer, null), 200);
            if (worker.equals(collector)) {
                check.allowed(worker, "Encaisse API", "writes a customer", status(worker, "POST", "/api/customers",
                        newCustomer()), 200);
                check.refused(worker, "Encaisse API", "starts an aging run", status(worker, "POST", "/api/aging-runs", ""),
                        403);
            } else {
                check.refused(worker, "Encaisse API", "writes a customer", status(worker, "POST", "/api/customers",
                        newCustomer()), 403);
            }
        }

        String salesTask = "/engine-rest/task/" + disputeTaskOf.get(Groups.SALES);
        String instance = "/engine-rest/process-instance/" + caseId;
        String ofCase = "/engine-rest/history/process-instance/count?processInstanceId=" + caseId;
        check.allowed(manager, "webapps", "logs in to Cockpit", login(manager, "cockpit"), 200);
        check.allowed(manager, "webapps", "logs in to Tasklist", login(manager, "tasklist"), 200);
        check.refused(manager, "webapps", "logs in to Admin", login(manager, "admin"), 403);
        check.allowed(manager, "tasks", "reassigns a sales rep's task", status(manager, "POST", salesTask + "/assignee",
                body("userId", userOf(Groups.SALES))), 204);
        check.allowed(manager, "tasks", "gives it back", status(manager, "POST", salesTask + "/unclaim", null), 204);
        check.allowed(manager, "running cases", "reads the case", status(manager, "GET", instance, null), 200);
        check.allowed(manager, "running cases", "suspends it", status(manager, "PUT", instance + "/suspended",
                "{\"suspended\": true}"), 204);
        check.allowed(manager, "running cases", "activates it", status(manager, "PUT", instance + "/suspended",
                "{\"suspended\": false}"), 204);
        check.allowed(manager, "deployments, models, decisions", "deploys a model", deploy(manager), 200);
        check.allowed(manager, "deployments, models, decisions", "evaluates a decision", evaluate(manager), 200);
        check.allowed(manager, "history", "finds the case in the history (count)", count(manager, ofCase), 1);
        check.allowed(manager, "Encaisse API", "starts an aging run", status(manager, "POST", "/api/aging-runs", ""), 200);

        check.allowed(auditor, "webapps", "logs in to Cockpit", login(auditor, "cockpit"), 200);
        check.refused(auditor, "webapps", "logs in to Admin", login(auditor, "admin"), 403);
        check.allowed(auditor, "tasks", "reads a task's variables", status(auditor, "GET", salesTask + "/variables", null),
                200);
        check.refused(auditor, "tasks", "claims a task", status(auditor, "POST", salesTask + "/claim",
                body("userId", auditor)), 403);
        check.allowed(auditor, "running cases", "reads the case", status(auditor, "GET", instance, null), 200);
        check.refused(auditor, "running cases", "suspends it", status(auditor, "PUT", instance + "/suspended",
                "{\"suspended\": true}"), 403);
        check.allowed(auditor, "deployments, models, decisions", "reads a diagram", status(auditor, "GET",
                "/engine-rest/process-definition/key/CollectionCaseProcess/xml", null), 200);
        check.refused(auditor, "deployments, models, decisions", "deploys a model", deploy(auditor), 403);
        check.refused(auditor, "deployments, models, decisions", "evaluates a decision", evaluate(auditor), 403);
        check.allowed(auditor, "history", "finds the case in the history (count)", count(auditor, ofCase), 1);
        check.allowed(auditor, "history", "reads the operation log", status(auditor, "GET",
                "/engine-rest/history/user-operation?maxResults=5", null), 200);
        check.refused(auditor, "history", "deletes a finished dispute's history", status(auditor, "DELETE",
                "/engine-rest/history/process-instance/" + finishedDispute, null), 403);
        check.allowed(auditor, "Encaisse API", "reads the customer's timeline", status(auditor, "GET",
                "/api/customers/" + customer + "/timeline", null), 200);
        check.refused(auditor, "Encaisse API", "writes a customer", status(auditor, "POST", "/api/customers",
                newCustomer()), 403);
        check.allowed(manager, "history", "deletes the finished dispute's history", status(manager, "DELETE",
                "/engine-rest/history/process-instance/" + finishedDispute, null), 204);

        String logisticsTask = "/engine-rest/task/" + disputeTaskOf.get(Groups.LOGISTICS);
        check.allowed(administrator, "webapps", "logs in to Admin", login(administrator, "admin"), 200);
        check.allowed(administrator, "webapps", "logs in to Cockpit", login(administrator, "cockpit"), 200);
        check.allowed(administrator, "tasks", "claims a logistics task", status(administrator, "POST",
                logisticsTask + "/claim", body("userId", administrator)), 204);
        check.allowed(administrator, "tasks", "gives it back", status(administrator, "POST", logisticsTask + "/unclaim",
                null), 204);
        check.allowed(administrator, "running cases", "reads the case", status(administrator, "GET", instance, null), 200);
        check.allowed(administrator, "deployments, models, decisions", "deploys a model", deploy(administrator), 200);
        check.allowed(administrator, "history", "finds the case in the history (count)", count(administrator, ofCase), 1);
        check.allowed(administrator, "Encaisse API", "reads a customer", status(administrator, "GET",
                "/api/customers/" + customer, null), 200);
        check.refused(administrator, "Encaisse API", "writes a customer without being a collector or manager",
                status(administrator, "POST", "/api/customers", newCustomer()), 403);

        for (String user : passwords.keySet()) {
            boolean admin = user.equals(ADMIN) || Groups.CAMUNDA_ADMIN.equals(groupOf.get(user));
            String newcomer = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            int created = status(user, "POST", "/engine-rest/user/create", newUser(newcomer, "Nouvel-Arrivant-1"));
            int member = status(user, "PUT", "/engine-rest/group/" + Groups.MANAGERS + "/members/" + newcomer, null);
            int tenant = status(user, "POST", "/engine-rest/tenant/create",
                    "{\"id\": \"%s\", \"name\": \"Filiale\"}".formatted(newcomer));
            int grant = status(user, "POST", "/engine-rest/authorization/create", ("{\"type\": 1, \"permissions\": "
                    + "[\"READ\"], \"userId\": \"%s\", \"resourceType\": 7, \"resourceId\": \"*\"}").formatted(newcomer));
            if (admin) {
                check.allowed(user, "users and groups", "creates a user", created, 204);
                check.allowed(user, "users and groups", "adds it to managers", member, 204);
                check.allowed(user, "users and groups", "creates a tenant", tenant, 204);
                check.allowed(user, "users and groups", "grants an authorization", grant, 200);
            } else {
                check.refused(user, "users and groups", "creates a user", created, 403);
                check.refused(user, "users and groups", "adds a user to managers", member, 403);
                check.refused(user, "users and groups", "creates a tenant", tenant, 403);
                check.refused(user, "users and groups", "grants an authorization", grant, 403);
            }
        }

        System.out.println(check.report());
        assertThat(failures).as(check.report()).isEmpty();
    }

    @Test
    @Order(7)
    void theUserAddedInAdminSeesTheTaskOfItsGroupInTasklist() {
        try (Browser browser = new Browser(application.port())) {
            logIn(browser, "tasklist", BROWSER_USER, BROWSER_USER_PASSWORD, "Léa Garnier");
            browser.await(By.xpath("//li[contains(@class, 'task')]//h4/a[starts-with(normalize-space(.), 'Trancher le litige · Boulangeries Chevalier SARL')]"));
            assertThat(browser.all("li.task")).as("the one logistics dispute, nothing of sales or collectors")
                    .hasSize(1);
        }
    }

    /** Work for every group: a dispute for each team, a collection case, and one dispute decided and closed. */
    private void prepareWork() throws Exception {
        customer = "C-" + UUID.randomUUID().toString().substring(0, 8);
        json(call(ADMIN, "POST", "/api/customers", """
                {"externalId": "%s", "name": "Boulangeries Chevalier SARL", "contacts": [
                  {"role": "ACCOUNTS_PAYABLE", "name": "Compta", "email": "compta@chevalier.example.fr"}]}"""
                .formatted(customer)), 200);
        LocalDate today = ParisDate.today();
        Map<String, String> categoryOf = Map.of(Groups.SALES, "PRICING", Groups.LOGISTICS, "DELIVERY",
                Groups.COLLECTORS, "ADMINISTRATIVE");
        // Invoice 0 stays undisputed for the collection case; each team gets one dispute, and collectors a second
        // one that is decided here.
        StringBuilder invoices = new StringBuilder("[");
        for (int i = 0; i <= categoryOf.size() + 1; i++) {
            invoices.append(i == 0 ? "" : ",").append("""
                    {"number": "%s-%d", "customerExternalId": "%s", "issueDate": "%s", "dueDate": "%s", "amount": 1200}"""
                    .formatted(customer, i, customer, today.minusDays(60), today.minusDays(30)));
        }
        json(call(ADMIN, "POST", "/api/invoices", invoices.append("]").toString()), 200);
        int invoice = 1;
        for (Map.Entry<String, String> team : categoryOf.entrySet()) {
            disputeTaskOf.put(team.getKey(), dispute(customer + "-" + invoice++, team.getValue()));
        }
        String decided = dispute(customer + "-" + invoice, "ADMINISTRATIVE");
        json(call(ADMIN, "POST", "/api/aging-runs", ""), 200);
        caseId = json(call(ADMIN, "GET", "/engine-rest/process-instance?processDefinitionKey=CollectionCaseProcess"
                + "&businessKey=" + customer, null), 200).get(0).get("id").asText();

        // A collector decides the administrative dispute: its instance ends, and its history is a finished one.
        String collector = userOf(Groups.COLLECTORS);
        String task = "/engine-rest/task/" + decided;
        String instance = json(call(collector, "GET", task, null), 200).get("processInstanceId").asText();
        assertThat(status(collector, "POST", task + "/claim", body("userId", collector))).isEqualTo(204);
        assertThat(status(collector, "POST", task + "/complete", """
                {"variables": {"resolution": {"value": "REJECTED"}, "resolutionComment": {"value": "Facture conforme"}}}"""))
                .isEqualTo(204);
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (count(ADMIN, "/engine-rest/history/process-instance/count?finished=true&processInstanceId=" + instance) == 0) {
            assertThat(Instant.now()).as("the decided dispute's end").isBefore(until);
            Thread.sleep(250);
        }
        finishedDispute = instance;
    }

    /** Opens a dispute on the invoice and returns the id of its "Trancher le litige" task. */
    private String dispute(String invoice, String category) throws Exception {
        json(call(ADMIN, "POST", "/api/disputes", """
                {"invoiceNumber": "%s", "category": "%s", "description": "Contesté"}""".formatted(invoice, category)), 201);
        return json(call(ADMIN, "GET", "/engine-rest/task?processInstanceBusinessKey=" + invoice, null), 200).get(0)
                .get("id").asText();
    }

    private void addOverApi(String id, String password, String group) throws Exception {
        assertThat(status(ADMIN, "POST", "/engine-rest/user/create", newUser(id, password))).isEqualTo(204);
        assertThat(status(ADMIN, "PUT", "/engine-rest/group/" + group + "/members/" + id, null)).isEqualTo(204);
        passwords.put(id, password);
        groupOf.put(id, group);
    }

    private String userOf(String group) {
        return groupOf.entrySet().stream().filter(user -> user.getValue().equals(group)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalStateException("no user of " + group + " was added"));
    }

    /** Logs in on the app's own login page, and waits for the header that greets the user by name. */
    private void logIn(Browser browser, String app, String user, String password, String fullName) {
        browser.logInToWebapp(app, user, password);
        browser.await(By.xpath("//a[contains(@class, 'dropdown-toggle') and contains(., '" + fullName + "')]"));
    }

    private int login(String user, String app) {
        return WebappSession.open(application.port(), app).login(app, user, passwords.get(user)).statusCode();
    }

    private int deploy(String user) throws Exception {
        String boundary = "encaisse" + UUID.randomUUID().toString().replace("-", "");
        byte[] model = Files.readAllBytes(Path.of("processes/dispute/RouteDisputeDecision.dmn"));
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfresh-install\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"RouteDisputeDecision.dmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = authorized(user, "/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.getBytes(StandardCharsets.UTF_8), model, tail)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private int evaluate(String user) throws Exception {
        return status(user, "POST", "/engine-rest/decision-definition/key/RouteDisputeDecision/evaluate",
                "{\"variables\": {\"category\": {\"value\": \"DELIVERY\", \"type\": \"String\"}}}");
    }

    private long count(String user, String path) throws Exception {
        return json(call(user, "GET", path, null), 200).get("count").asLong();
    }

    private int status(String user, String method, String path, String body) throws Exception {
        return call(user, method, path, body).statusCode();
    }

    private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        HttpRequest request = authorized(user, path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(String user, String path) {
        String credentials = user + ":" + passwords.get(user);
        return HttpRequest.newBuilder(application.uri(path)).timeout(Duration.ofMinutes(2)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(HttpResponse<String> response, int expected) throws IOException {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": " + response.body())
                .isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static String readmeBlock(String heading) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("\n" + heading + "\n");
        assertThat(section).as("README.md has a section " + heading).isNotNegative();
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static String newUser(String id, String password) {
        return """
                {"profile": {"id": "%s", "firstName": "Nina", "lastName": "Roche", "email": "nina.roche@example.fr"},
                 "credentials": {"password": "%s"}}""".formatted(id, password);
    }

    private static String newCustomer() {
        return "{\"externalId\": \"%s\", \"name\": \"Client SAS\"}".formatted("C-" + UUID.randomUUID().toString()
                .substring(0, 8));
    }

    private static String body(String field, String value) {
        return "{\"" + field + "\": \"" + value + "\"}";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Collects each cell's outcome, so that one run shows the whole table rather than its first failure. */
    private final class PermissionCheck {

        private final List<String> failures;
        private final List<String> lines = new ArrayList<>();

        PermissionCheck(List<String> failures) {
            this.failures = failures;
        }

        void allowed(String user, String column, String what, long actual, long expected) {
            record(user, column, "allowed", what, actual, expected);
        }

        void refused(String user, String column, String what, long actual, long expected) {
            record(user, column, "refused", what, actual, expected);
        }

        private void record(String user, String column, String verdict, String what, long actual, long expected) {
            String group = user.equals(ADMIN) ? "managers, camunda-admin" : groupOf.get(user);
            String line = "%-24s %-32s %-8s %-58s %s".formatted(user + " (" + group + ")", column, verdict, what,
                    actual == expected ? actual : actual + " (expected " + expected + ")");
            lines.add(line);
            if (actual != expected) {
                failures.add(line);
            }
        }

        String report() {
            return "Permission table over the packaged jar:\n" + String.join("\n", lines);
        }
    }
}
