package org.encaisse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.encaisse.support.ParisDate;
import org.encaisse.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/operaton.md's switch, run as a company would run it: the packaged Camunda 7.24 jar opens collection cases on
 * a MariaDB database and leaves them waiting at a task, at timers and in a dispute; it is stopped, the packaged
 * Operaton jar is started on the same database with the same settings, finds every case, task, timer, variable and
 * history row where Camunda left them, and carries the cases to their end (a timer run, a task completed, a
 * dispute decided, letters sent, payments recorded); then the Camunda jar opens the database again. Needs both
 * jars: {@code .ci/run} builds them and runs this test as the failsafe execution {@code engine-switch}.
 */
@Tag("engine-switch")
class EngineSwitchTests {

    private static final String DATABASE = "encaisse_engine_switch";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String CASE_OF = "SELECT ID_ FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ AND BUSINESS_KEY_ = ?"
            + " AND PROC_DEF_ID_ LIKE 'CollectionCaseProcess:%'";

    private final Path camundaJar = Path.of(System.getProperty("encaisse.camunda.jar", "target/encaisse.jar"));
    private final Path operatonJar = Path.of(System.getProperty("encaisse.operaton.jar", "operaton/target/encaisse.jar"));
    private final Path logs = Path.of("target", "engine-switch");
    private final HttpClient http = HttpClient.newHttpClient();
    private final String user = System.getenv().getOrDefault("MARIADB_USER", "root");
    private final String password = System.getenv().getOrDefault("MARIADB_PASSWORD", "");
    private final Map<String, String> caseOf = new HashMap<>();
    private String databaseUrl;
    private GreenMail smtp;
    private Node node;

    @BeforeEach
    void freshDatabaseAndMailServer() throws Exception {
        databaseUrl = TestDatabase.recreate(TestDatabase.mariaDbUrl(), user, password, DATABASE);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (node != null) {
            node.stop();
        }
        smtp.stop();
    }

    @Test
    void casesOpenedOnCamundaEndOnOperatonAndCamundaOpensTheDatabaseAgain() throws Exception {
        node = start("camunda", camundaJar);
        openCasesAndLeaveThemWaiting();
        EngineState left = engineState();
        assertThat(left.openTasks()).as("what Camunda leaves open").hasSize(3);
        node.stop();

        node = start("operaton", operatonJar);
        EngineState found = engineState();
        assertThat(found.runningInstances()).as("running instances").isEqualTo(left.runningInstances());
        assertThat(found.openTasks()).as("open tasks").isEqualTo(left.openTasks());
        assertThat(found.caseTimers()).as("timers and their due dates").isEqualTo(left.caseTimers());
        assertThat(found.variables()).as("process variables").isEqualTo(left.variables());
        assertThat(found.historyRows()).as("history rows").isEqualTo(left.historyRows());
        assertThat(adminGroupsOfTheAdministrator()).as("the administrator's groups on Operaton")
                .contains("operaton-admin");
        assertThat(webappLogin("/operaton", "admin")).as("the administrator logs in to Operaton Admin").isEqualTo(200);

        carryTheCasesToTheirEnd();
        assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();
        assertEveryLetterSentOnce();
        assertThat(get("/api/audit/verification")).as("the audit chain").contains("\"intact\":true");
        long finished = count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL");
        node.stop();

        node = start("camunda-again", camundaJar);
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL"))
                .as("finished instances, as Camunda finds them again").isEqualTo(finished);
        assertThat(get("/engine-rest/history/process-instance/count?finished=true&processDefinitionKey="
                + "CollectionCaseProcess")).isEqualTo("{\"count\":3}");
        assertThat(webappLogin("/camunda", "cockpit")).as("the administrator logs in to Cockpit again").isEqualTo(200);
    }

    private Node start(String name, Path jar) throws Exception {
        Node started = new Node(name, jar, logs, databaseUrl, smtp.getSmtp().getPort());
        started.start();
        return started;
    }

    /**
     * Three customers 40 days overdue. A's call ended in a promise (its timer waits for the promised date), B's call
     * is open, C's second reminder waits for its timer and one of C's invoices is disputed (its decision is open).
     */
    private void openCasesAndLeaveThemWaiting() throws Exception {
        LocalDate today = ParisDate.today();
        post("/api/customers", """
                [%s, %s, %s]""".formatted(customer("A"), customer("B"), customer("C")));
        post("/api/invoices", """
                [%s, %s, %s, %s]""".formatted(invoice("A-1", "A", 1200), invoice("B-1", "B", 2400),
                invoice("C-1", "C", 3600), invoice("C-2", "C", 480)));
        post("/api/aging-runs", "");
        for (String customer : List.of("A", "B", "C")) {
            await(() -> single(CASE_OF, "SW-" + customer) != null, customer + "'s case");
            caseOf.put(customer, single(CASE_OF, "SW-" + customer));
        }
        await(() -> count("SELECT COUNT(*) FROM communication WHERE status = 'SENT' AND step = 'FIRST_REMINDER'") == 3,
                "the three first reminders");
        for (String customer : List.of("A", "B")) {
            runTimerNow(customer, "Event_SecondReminderDue");
            awaitTask(customer, "Task_CallCustomer");
        }
        complete(taskOf(caseOf.get("A"), "Task_CallCustomer"), """
                {"callOutcome": {"value": "PROMISE"}, "promisedDate": {"value": "%s"}, "promisedAmount": {"value": 1200.0}}"""
                .formatted(today.plusDays(5)));
        await(() -> timerOf("A", "Event_PromiseDue") != null, "A's promise timer");
        post("/api/disputes", """
                {"invoiceNumber": "SW-C-2", "category": "PRICING", "description": "Prix non conforme au devis"}""");
        await(() -> count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ IS NULL OR DUEDATE_ <= NOW()") == 0,
                "no job left to run before the stop");
    }

    /** Each case to its end on Operaton, through the same steps a collector and the job executor take. */
    private void carryTheCasesToTheirEnd() throws Exception {
        // A: the promised date passes unpaid, so the case goes up to level 2: the firm letter, the sales rep's call.
        runTimerNow("A", "Event_PromiseDue");
        awaitTask("A", "Task_AskSalesRepToCall");
        // B: the open call, answered without agreement: level 2 as well.
        complete(taskOf(caseOf.get("B"), "Task_CallCustomer"), "{\"callOutcome\": {\"value\": \"NO_AGREEMENT\"}}");
        awaitTask("B", "Task_AskSalesRepToCall");
        // The firm letters claim penalties at the statutory rate of the half-year, which a fresh database does not
        // hold: they wait, and a manager is asked for the rate. Entered, the letters go at their next look.
        String rateTask = single("SELECT ID_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_EnterStatutoryRate'");
        assertThat(rateTask).as("the managers' task for the half-year's statutory rate").isNotNull();
        String rateRequest = single("SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE ID_ = ?", rateTask);
        complete(rateTask, """
                {"ratePercent": {"value": 10.15}, "rateSource": {"value": "Banque de France, JO du 2 juillet 2026"}}""");
        for (String held : list("SELECT J.ID_ FROM ACT_RU_JOB J JOIN ACT_RU_EXECUTION E ON E.ID_ = J.EXECUTION_ID_"
                + " WHERE E.ACT_ID_ = 'Event_StatutoryRateAwaited'")) {
            send("PUT", "/engine-rest/job/" + held + "/duedate", "{\"duedate\": \"" + now() + "\"}");
        }
        await(() -> ended(rateRequest), "the rate's request ended");
        await(() -> count("SELECT COUNT(*) FROM communication WHERE step = 'FIRM_LETTER' AND status = 'SENT'") == 2,
                "both firm letters sent");
        // C: the dispute is decided (invoice correct), then its second reminder's date comes.
        String dispute = single("SELECT T.ID_ FROM ACT_RU_TASK T JOIN ACT_RU_EXECUTION E ON E.ID_ = T.PROC_INST_ID_"
                + " WHERE E.BUSINESS_KEY_ = ?", "SW-C-2");
        String disputeInstance = single("SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE ID_ = ?", dispute);
        complete(dispute, """
                {"resolution": {"value": "REJECTED"}, "resolutionComment": {"value": "Prix du devis appliqué"}}""");
        await(() -> ended(disputeInstance), "the dispute's end");
        runTimerNow("C", "Event_SecondReminderDue");
        awaitTask("C", "Task_CallCustomer");

        LocalDate today = ParisDate.today();
        for (Map.Entry<String, Integer> paid : Map.of("A", 1200, "B", 2400, "C", 4080).entrySet()) {
            post("/api/payments", """
                    {"bankReference": "VIR-SW-%s", "date": "%s", "amount": %d, "currency": "EUR", "customerExternalId": "SW-%s"}"""
                    .formatted(paid.getKey(), today, paid.getValue(), paid.getKey()));
        }
        for (String customer : List.of("A", "B", "C")) {
            await(() -> ended(caseOf.get(customer)), customer + "'s case ends, its balance settled");
        }

        await(() -> count("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ LIKE 'SW-%'") == 0,
                "every instance of the cases ended, the letters' deliveries too");
    }

    /** Letters of both engines: each sent, each received once, none twice. */
    private void assertEveryLetterSentOnce() throws Exception {
        await(() -> count("SELECT COUNT(*) FROM communication WHERE status <> 'SENT'") == 0, "every letter sent");
        Map<String, String> stepsOf = new HashMap<>();
        for (String customer : List.of("A", "B", "C")) {
            stepsOf.put(customer, String.join(",", list("SELECT C.step FROM communication C JOIN customer K"
                    + " ON K.id = C.customer_id WHERE K.external_id = ? ORDER BY C.id", "SW-" + customer)));
        }
        assertThat(stepsOf).isEqualTo(Map.of("A", "FIRST_REMINDER,SECOND_REMINDER,FIRM_LETTER",
                "B", "FIRST_REMINDER,SECOND_REMINDER,FIRM_LETTER",
                "C", "FIRST_REMINDER,DISPUTE_ACKNOWLEDGEMENT,SECOND_REMINDER"));
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            messageIds.add(message.getMessageID());
        }
        assertThat(messageIds).as("Message-IDs received").doesNotHaveDuplicates()
                .hasSize((int) count("SELECT COUNT(*) FROM communication"));
    }

    /** What the engine holds in the database, as the next engine must find it. */
    private record EngineState(TreeSet<String> runningInstances, TreeSet<String> openTasks, TreeSet<String> caseTimers,
                               TreeSet<String> variables, TreeSet<String> historyRows) {
    }

    private EngineState engineState() {
        return new EngineState(
                new TreeSet<>(list("SELECT CONCAT(ID_, ' ', COALESCE(BUSINESS_KEY_, '')) FROM ACT_RU_EXECUTION"
                        + " WHERE ID_ = PROC_INST_ID_")),
                new TreeSet<>(list("SELECT CONCAT_WS(' ', ID_, TASK_DEF_KEY_, PROC_INST_ID_, NAME_, PRIORITY_)"
                        + " FROM ACT_RU_TASK")),
                new TreeSet<>(list("SELECT CONCAT_WS(' ', ID_, PROCESS_INSTANCE_ID_, DUEDATE_, RETRIES_) FROM ACT_RU_JOB"
                        + " WHERE TYPE_ = 'timer' AND PROCESS_INSTANCE_ID_ IS NOT NULL")),
                new TreeSet<>(list("SELECT CONCAT_WS(' ', PROC_INST_ID_, NAME_, TYPE_, COALESCE(TEXT_, ''),"
                        + " COALESCE(LONG_, ''), COALESCE(DOUBLE_, ''), COALESCE(BYTEARRAY_ID_, '')) FROM ACT_RU_VARIABLE")),
                new TreeSet<>(List.of(
                        "instances " + count("SELECT COUNT(*) FROM ACT_HI_PROCINST"),
                        "activities " + count("SELECT COUNT(*) FROM ACT_HI_ACTINST"),
                        "tasks " + count("SELECT COUNT(*) FROM ACT_HI_TASKINST"),
                        "variable updates " + count("SELECT COUNT(*) FROM ACT_HI_DETAIL"))));
    }

    private static String customer(String letter) {
        return """
                {"externalId": "SW-%s", "name": "Client %s SAS", "contacts": [
                  {"role": "ACCOUNTS_PAYABLE", "name": "Compta", "email": "compta@sw-%s.example.fr"}]}"""
                .formatted(letter, letter, letter.toLowerCase());
    }

    private static String invoice(String number, String customer, int amount) {
        LocalDate today = ParisDate.today();
        return """
                {"number": "SW-%s", "customerExternalId": "SW-%s", "issueDate": "%s", "dueDate": "%s", "amount": %d,
                 "currency": "EUR"}""".formatted(number, customer, today.minusDays(70), today.minusDays(40), amount);
    }

    /** What an operator does in Cockpit to run a timer now: its due date moved to now, over the REST API. */
    private void runTimerNow(String customer, String event) throws Exception {
        String timer = timerOf(customer, event);
        assertThat(timer).as(customer + "'s timer " + event).isNotNull();
        send("PUT", "/engine-rest/job/" + timer + "/duedate", "{\"duedate\": \"" + now() + "\"}");
    }

    private static String now() {
        return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date());
    }

    private String timerOf(String customer, String event) {
        List<String> timers = list("SELECT J.ID_ FROM ACT_RU_JOB J JOIN ACT_RU_EXECUTION E ON E.ID_ = J.EXECUTION_ID_"
                + " WHERE J.TYPE_ = 'timer' AND E.ACT_ID_ = ? AND J.PROCESS_INSTANCE_ID_ = ?", event, caseOf.get(customer));
        return timers.isEmpty() ? null : timers.get(0);
    }

    private void awaitTask(String customer, String taskKey) throws InterruptedException {
        await(() -> taskOf(caseOf.get(customer), taskKey) != null, customer + "'s task " + taskKey);
    }

    private String taskOf(String instance, String taskKey) {
        List<String> tasks = list("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ? AND TASK_DEF_KEY_ = ?",
                instance, taskKey);
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    /** Claimed, then completed, as Tasklist does for the administrator. */
    private void complete(String task, String variables) throws Exception {
        send("POST", "/engine-rest/task/" + task + "/claim", "{\"userId\": \"" + Node.ADMIN + "\"}");
        send("POST", "/engine-rest/task/" + task + "/complete", "{\"variables\": " + variables + "}");
    }

    private boolean ended(String instance) {
        return "COMPLETED".equals(single("SELECT STATE_ FROM ACT_HI_PROCINST WHERE ID_ = ?", instance));
    }

    private List<String> adminGroupsOfTheAdministrator() throws Exception {
        return List.of(get("/engine-rest/group?member=" + Node.ADMIN).replaceAll("[^\\w\\-]+", " ").trim().split(" "));
    }

    /** The login form of one of the webapps, with the CSRF token its page hands out, as a browser sends it. */
    private int webappLogin(String root, String app) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(node.uri(root + "/app/" + app + "/default/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(root + "/app/" + app).isEqualTo(200);
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
        String form = "username=" + URLEncoder.encode(Node.ADMIN, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Node.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(node.uri(root + "/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant until = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("Waited " + PATIENCE + " for " + what);
            }
            Thread.sleep(500);
        }
    }

    private void post(String path, String json) throws IOException, InterruptedException {
        send("POST", path, json);
    }

    private void send(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(authenticated(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + " on " + node.name() + ": " + answer.body())
                .isLessThan(300);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(authenticated(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET " + path + " on " + node.name() + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private HttpRequest.Builder authenticated(String path) {
        return HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofMinutes(5)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((Node.ADMIN + ":" + Node.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private long count(String sql) {
        return Long.parseLong(single(sql));
    }

    private String single(String sql, Object... parameters) {
        List<String> rows = list(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<String> list(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
