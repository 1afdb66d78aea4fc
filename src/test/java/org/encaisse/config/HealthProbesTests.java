package org.encaisse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.encaisse.support.PackagedApplication;
import org.encaisse.support.TcpRelay;
import org.encaisse.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The health endpoints as an orchestrator sees them, on the packaged jar with the demo data on MariaDB:
 * not ready while the start-up work runs, alive all along; ready while the mail server is down, with the
 * outage reported; not ready while the database cannot be reached, and ready again when it is back.
 */
@Tag("packaged")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthProbesTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE = "encaisse_probes";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> startUp = new ArrayList<>();
    private TcpRelay database;
    private GreenMail smtp;
    private PackagedApplication application;

    @BeforeAll
    void launchWithTheDemoData() throws Exception {
        TestDatabase.recreate(TestDatabase.mariaDbUrl(), rootUser(), rootPassword(), DATABASE);
        // The node reaches its database through a relay the test can cut, as a network partition would.
        URI server = URI.create(TestDatabase.mariaDbUrl().substring("jdbc:".length()));
        database = new TcpRelay(server.getHost(), server.getPort());
        String url = "jdbc:mariadb://127.0.0.1:" + database.port() + "/" + DATABASE;
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        application = new PackagedApplication("probes", Path.of(System.getProperty("encaisse.packaged.jar")),
                Path.of("target", "probes"), Map.of(
                "SPRING_PROFILES_ACTIVE", "mariadb", "ENCAISSE_DEMO_ENABLED", "true",
                "DB_URL", url, "DB_USER", rootUser(), "DB_PASSWORD", rootPassword(),
                "ENCAISSE_ADMIN_USER", "probeadmin", "ENCAISSE_ADMIN_PASSWORD", "Sonde-Sante-2026",
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtp.getSmtp().getPort())), List.of());
        application.launch();
        // What an orchestrator polling both probes sees, from the first answer to the first "ready".
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (!startUp.contains("live 200, ready 200")) {
            assertThat(application.isAlive()).as("the node is running; see " + application.log()).isTrue();
            assertThat(Instant.now()).as("ready within 3 minutes; seen: " + startUp).isBefore(until);
            String seen = "live " + status("/actuator/health/liveness") + ", ready " + status("/actuator/health/readiness");
            if (!seen.startsWith("live -1") && (startUp.isEmpty() || !startUp.get(startUp.size() - 1).equals(seen))) {
                startUp.add(seen);
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (application != null) {
            application.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void theNodeIsAliveButNotReadyUntilTheDemoDataIsLoaded() throws Exception {
        assertThat(startUp).as("the probes' answers during start-up").contains("live 200, ready 503")
                .doesNotContain("live 503, ready 200");
        assertThat(startUp.get(startUp.size() - 1)).isEqualTo("live 200, ready 200");
        // Ready means the start-up work is over: the demo's customers and their cases are there.
        assertThat(status("/api/customers/C0030", "claire", "demo")).isEqualTo(200);
    }

    @Test
    @Order(2)
    void everyoneSeesEachComponentsStateAndManagersTheirDetails() throws Exception {
        JsonNode anonymous = health("/actuator/health", null, null);
        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.path("components").path("mail").path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.path("components").path("jobs").has("details")).isFalse();

        JsonNode manager = health("/actuator/health", "claire", "demo");
        JsonNode jobs = manager.path("components").path("jobs").path("details");
        assertThat(jobs.path("executorActive").asBoolean()).isTrue();
        assertThat(jobs.has("dueNow")).isTrue();
        assertThat(jobs.has("openIncidents")).isTrue();
        assertThat(manager.path("components").path("mail").path("details").path("location").asText())
                .isEqualTo("127.0.0.1:" + smtp.getSmtp().getPort());
        assertThat(manager.path("components").has("jobExecutor")).as("the starter's indicator, replaced").isFalse();
    }

    @Test
    @Order(3)
    void anUnreachableMailServerIsReportedAndTheNodeStaysUpAndReady() throws Exception {
        smtp.stop();
        smtp = null;
        JsonNode health = health("/actuator/health", "claire", "demo");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode mail = health.path("components").path("mail");
        assertThat(mail.path("status").asText()).isEqualTo("UNREACHABLE");
        assertThat(mail.path("details").path("error").asText()).isNotBlank();
        assertThat(status("/actuator/health")).isEqualTo(200);
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
    }

    @Test
    @Order(4)
    void aDatabaseOutOfReachMakesTheNodeUnreadyButNotDeadUntilItIsBack() throws Exception {
        database.cut();
        assertThat(awaitStatus("/actuator/health/readiness", 503)).as("readiness once the database is cut off").isTrue();
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        JsonNode readiness = health("/actuator/health/readiness", null, null);
        assertThat(readiness.path("status").asText()).isEqualTo("DOWN");
        assertThat(readiness.path("components").path("db").path("status").asText()).isEqualTo("DOWN");

        database.restore();
        assertThat(awaitStatus("/actuator/health/readiness", 200)).as("readiness once the database is back").isTrue();
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        assertThat(status("/api/customers/C0001", "claire", "demo")).isEqualTo(200);
    }

    private boolean awaitStatus(String path, int expected) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(until)) {
            if (status(path) == expected) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private int status(String path) throws Exception {
        return status(path, null, null);
    }

    private int status(String path, String user, String password) throws Exception {
        try {
            return http.send(request(path, user, password), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException notListening) {
            return -1;
        }
    }

    private JsonNode health(String path, String user, String password) throws Exception {
        return JSON.readTree(http.send(request(path, user, password), HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpRequest request(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(application.uri(path))
                // A refused database answers once the pool gives up on a new connection: 30 s by default.
                .timeout(Duration.ofSeconds(45));
        if (user != null && password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    private static String rootUser() {
        String user = System.getenv("MARIADB_USER");
        return user == null ? "root" : user;
    }

    private static String rootPassword() {
        String password = System.getenv("MARIADB_PASSWORD");
        return password == null ? "" : password;
    }
}
