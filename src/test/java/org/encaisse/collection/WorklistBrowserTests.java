package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.encaisse.support.Browser;
import org.encaisse.support.PackagedApplication;
import org.encaisse.support.ParisDate;
import org.encaisse.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * A collector's morning in Tasklist, on the demo as a newcomer starts it (the packaged jar, demo data on, MariaDB):
 * marie opens "Mes appels du jour"; its first card is the call TaskPriorityDecision ranks highest (the largest
 * amount first among equals), named after the customer with what is overdue; she opens it and reads the briefing
 * before claiming it, claims it and enters a promise, which the case then waits for. Prints how long the list took
 * to show after the click.
 */
@Tag("packaged")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistBrowserTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String DEMO_PASSWORD = "demo";
    private static final String MANAGER = "claire";
    private static final String COLLECTOR = "marie";

    private final HttpClient http = HttpClient.newHttpClient();
    private GreenMail smtp;
    private PackagedApplication application;

    @BeforeAll
    void startTheDemo() throws Exception {
        String url = TestDatabase.recreate(TestDatabase.mariaDbUrl(), env("MARIADB_USER", "root"),
                env("MARIADB_PASSWORD", ""), "encaisse_worklist");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        application = new PackagedApplication("worklist", Path.of(System.getProperty("encaisse.packaged.jar")),
                Path.of("target", "worklist"), Map.of(
                "SPRING_PROFILES_ACTIVE", "mariadb", "ENCAISSE_DEMO_ENABLED", "true",
                "DB_URL", url, "DB_USER", env("MARIADB_USER", "root"), "DB_PASSWORD", env("MARIADB_PASSWORD", ""),
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtp.getSmtp().getPort())), List.of());
        application.start();
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.readString(application.log()).contains("Demo data loaded")) {
            assertThat(Instant.now()).as("the demo data, see " + application.log()).isBefore(until);
            Thread.sleep(500);
        }
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
    void theCollectorsFirstCallIsTheOneAtHighestStakesAndAPromiseIsTakenFromIt() throws Exception {
        Call top = highestRankedCallOfToday();

        try (Browser browser = new Browser(application.port())) {
            logInAsTheCollector(browser);
            // The open filter's name is followed by its count.
            assertThat(browser.all("div.task-filter h4 a")).extracting(link -> link.getText().replaceAll(" \\d+$", ""))
                    .containsExactly("Mes appels du jour", "Promesses à vérifier", "Avant échéance",
                            "Paiements à rapprocher", "Litiges à trancher", "Toutes mes tâches");

            String openFilter = new String(getClass().getResourceAsStream("/tasklist/open-filter.js").readAllBytes(),
                    StandardCharsets.UTF_8);
            // From another list that always has cards (the pre-due calls wait for their morning), then the one timed.
            assertThat(browser.asyncScript(openFilter, "Toutes mes tâches", null)).as("all my tasks")
                    .isNotEqualTo(-1L).isNotEqualTo(-2L);
            Number shownAfter = (Number) browser.asyncScript(openFilter, "Mes appels du jour", top.customer());
            assertThat(shownAfter.doubleValue()).as("ms from the click to the list").isGreaterThanOrEqualTo(0);
            System.out.printf("Tasklist, \"Mes appels du jour\" (%d calls): %.0f ms from the click to the list shown%n",
                    callsOfToday().size(), shownAfter.doubleValue());

            WebElement card = browser.find("li.task");
            assertThat(card.findElement(By.cssSelector("h4 a")).getText())
                    .startsWith("Appeler le client · " + top.customer() + " — ").contains(" € échus, ");
            assertThat(card.getText()).contains("Client:", top.customer(), "Échu (€):", Integer.toString(top.priority()));

            // Opened, not claimed: the briefing is there, as the account stands, in French.
            card.findElement(By.cssSelector("h4 a")).click();
            WebElement briefing = browser.await(By.cssSelector("textarea[id$=Field_Briefing]"));
            assertThat(browser.script("return arguments[0].value", briefing).toString()).contains(top.customer(),
                    "Factures échues");
            assertThat(browser.await(By.xpath("//label[contains(normalize-space(.), \"Résultat de l'appel\")]"))).isNotNull();
            assertThat(browser.await(By.cssSelector("button.claim")).isDisplayed()).isTrue();
            assertThat(get(COLLECTOR, "/engine-rest/task/" + top.taskId()).path("assignee").isNull()).isTrue();
            screenshot(browser, Path.of("target", "worklist", "tasklist.png"));

            browser.clickInView(By.cssSelector("button.claim"));
            browser.clickInView(By.xpath("//label[normalize-space(.)='Promesse de paiement']"));
            LocalDate promised = ParisDate.today().plusDays(15);
            browser.clickInView(By.cssSelector("input[id$=Field_PromisedDate-date]"));
            browser.find("input[id$=Field_PromisedDate-date]").sendKeys(promised.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), org.openqa.selenium.Keys.ENTER);
            browser.find("input[id$=Field_PromisedAmount]").sendKeys("5000");
            browser.clickInView(By.xpath("//button[normalize-space(.)='Complete']"));
        }

        // The case waits for the promised date.
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (get(MANAGER, "/engine-rest/job/count?timers=true&activityId=Event_PromiseDue&processInstanceId="
                + top.caseId()).get("count").asInt() == 0) {
            assertThat(Instant.now()).as("the case waiting for the promise").isBefore(until);
            Thread.sleep(250);
        }
        JsonNode history = get(MANAGER, "/engine-rest/history/variable-instance?processInstanceId=" + top.caseId()
                + "&variableName=promisedAmount");
        assertThat(history.get(0).get("value").asDouble()).isEqualTo(5000.0);
        assertThat(get(MANAGER, "/engine-rest/history/task?taskId=" + top.taskId()).get(0).get("assignee").asText())
                .isEqualTo(COLLECTOR);
    }

    /**
     * The demo's bank statement left two transfers to the collectors: marie opens "Paiements à rapprocher", reads the
     * payment and the likely customers before claiming, claims, says it is the customer's payment the form proposes
     * and completes; the payment is then recorded under the bank's reference for that customer.
     */
    @Test
    void aCollectorMatchesInTasklistATransferTheRulesLeft() throws Exception {
        // The likely customers are proposed in a job after the demo's import: the tasks come when the executor ran it.
        List<JsonNode> toMatch = new ArrayList<>();
        for (int second = 0; second < 60 && toMatch.size() < 2; second++) {
            if (second > 0) {
                Thread.sleep(1000);
            }
            toMatch.clear();
            get(MANAGER, "/engine-rest/task?taskDefinitionKey=Task_MatchPayment").forEach(toMatch::add);
        }
        assertThat(toMatch).as("transfers of the demo statement left to match").hasSize(2);
        JsonNode task = toMatch.get(0);
        String instance = task.get("processInstanceId").asText();
        String reference = get(MANAGER, "/engine-rest/process-instance/" + instance).get("businessKey").asText();
        String proposed = get(MANAGER, "/engine-rest/process-instance/" + instance + "/variables/customerExternalId")
                .get("value").asText();

        try (Browser browser = new Browser(application.port())) {
            logInAsTheCollector(browser);
            browser.clickInView(By.xpath("//div[contains(@class, 'task-filter')]//h4/a[starts-with(normalize-space(.), "
                    + "'Paiements à rapprocher')]"));
            WebElement card = browser.await(By.xpath("//li[contains(@class, 'task')]//h4/a[normalize-space(.) = \""
                    + task.get("name").asText() + "\"]"));
            assertThat(card.getText()).startsWith("Rapprocher le paiement · ").contains(" € — ");
            card.click();

            WebElement entry = browser.await(By.cssSelector("textarea[id$=Field_EntrySummary]"));
            assertThat(browser.script("return arguments[0].value", entry).toString()).contains("reçus le", reference);
            WebElement candidates = browser.find("textarea[id$=Field_CandidatesSummary]");
            assertThat(browser.script("return arguments[0].value", candidates).toString()).startsWith("1. ")
                    .contains("(" + proposed + ")");
            browser.clickInView(By.cssSelector("button.claim"));
            browser.clickInView(By.xpath("//label[normalize-space(.)=\"le paiement d'un client\"]"));
            WebElement customer = browser.await(By.cssSelector("input[id$=Field_CustomerExternalId]"));
            assertThat(customer.getAttribute("value")).isEqualTo(proposed);
            browser.clickInView(By.xpath("//button[normalize-space(.)='Complete']"));
        }

        // The payment is recorded by the job after the task, under the bank's reference, for the customer chosen.
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        HttpResponse<String> payment = http.send(authorized(MANAGER, "/api/payments/" + reference).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        while (payment.statusCode() != 200) {
            assertThat(Instant.now()).as("the payment of " + reference + ": " + payment.body()).isBefore(until);
            Thread.sleep(250);
            payment = http.send(authorized(MANAGER, "/api/payments/" + reference).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(JSON.readTree(payment.body()).get("customerExternalId").asText()).isEqualTo(proposed);
        assertThat(get(MANAGER, "/engine-rest/history/task?taskId=" + task.get("id").asText()).get(0).get("assignee")
                .asText()).isEqualTo(COLLECTOR);
    }

    /** Tasklist as marie sees it after logging in, her first list shown. */
    private static void logInAsTheCollector(Browser browser) {
        browser.logInToWebapp("tasklist", COLLECTOR, DEMO_PASSWORD);
        browser.await(By.cssSelector("li.task h4 a"));
    }

    private record Call(String taskId, String caseId, String customer, int priority, double overdue) {
    }

    /**
     * Ranked from the engine, not from the filter: every call due today, each one's priority checked against what
     * TaskPriorityDecision gives for its stakes, the highest first and the largest amount among equals.
     */
    private Call highestRankedCallOfToday() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (JsonNode task : callsOfToday()) {
            JsonNode variables = get(MANAGER, "/engine-rest/task/" + task.get("id").asText() + "/variables");
            ObjectNode stakes = JSON.createObjectNode();
            stakes.set("overdueAmount", typed(variables.get("overdueAmount").get("value"), "Double"));
            stakes.set("daysLate", typed(variables.get("daysLate").get("value"), "Integer"));
            stakes.set("riskRating", typed(variables.path("riskRating").path("value"), "String"));
            stakes.set("segment", typed(variables.path("segment").path("value"), "String"));
            stakes.set("brokenPromise", typed(variables.get("brokenPromise").get("value"), "Boolean"));
            stakes.set("level", typed(variables.get("reminderLevel").get("value"), "Integer"));
            JsonNode points = post(MANAGER, "/engine-rest/decision-definition/key/TaskPriorityDecision/evaluate",
                    "{\"variables\": " + stakes + "}");
            int fromTheTable = Math.max(0, Math.min(100, points.get(0).get("points").get("value").asInt()));
            assertThat(task.get("priority").asInt()).as("priority of " + task.get("name").asText())
                    .isEqualTo(fromTheTable);
            calls.add(new Call(task.get("id").asText(), task.get("processInstanceId").asText(),
                    variables.get("customerName").get("value").asText(), fromTheTable,
                    variables.get("overdueAmount").get("value").asDouble()));
        }
        assertThat(calls).as("the demo's calls of today").hasSizeGreaterThan(10);
        return calls.stream().max(Comparator.comparingInt(Call::priority).thenComparingDouble(Call::overdue)).orElseThrow();
    }

    private List<JsonNode> callsOfToday() throws Exception {
        String endOfToday = ParisDate.today().plusDays(1).atStartOfDay(PARIS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        List<JsonNode> calls = new ArrayList<>();
        get(MANAGER, "/engine-rest/task?taskDefinitionKey=Task_CallCustomer&candidateGroup=collectors&dueBefore="
                + URLEncoder.encode(endOfToday, StandardCharsets.UTF_8)).forEach(calls::add);
        return calls;
    }

    private static JsonNode typed(JsonNode value, String type) {
        ObjectNode typed = JSON.createObjectNode();
        typed.set("value", value.isMissingNode() ? JSON.nullNode() : value);
        typed.put("type", value.isMissingNode() || value.isNull() ? "Null" : type);
        return typed;
    }

    private static void screenshot(Browser browser, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }

    private JsonNode get(String user, String path) throws Exception {
        return send(authorized(user, path).GET().build());
    }

    private JsonNode post(String user, String path, String body) throws Exception {
        return send(authorized(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.method() + " " + request.uri() + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder authorized(String user, String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(application.uri(path)).header("Authorization", "Basic " + credentials);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
