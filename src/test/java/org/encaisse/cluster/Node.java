package org.encaisse.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One Encaisse node: the packaged application in a JVM of its own, as an operator runs it, on the
 * shared MariaDB with its job executor on. Killed with SIGKILL, like a node losing its power.
 */
final class Node {

    static final String ADMIN = "cluster";
    static final String ADMIN_PASSWORD = "Deux-Noeuds-2026";

    private final String name;
    private final Path jar;
    private final Path log;
    private final List<String> settings;
    private final int port;
    private Process process;

    Node(String name, Path jar, Path logDirectory, String databaseUrl, int smtpPort) throws IOException {
        this.name = name;
        this.jar = jar;
        this.log = logDirectory.resolve("node-" + name + ".log");
        this.port = freePort();
        this.settings = List.of(
                "--spring.profiles.active=mariadb",
                "--DB_URL=" + databaseUrl, "--DB_USER=root", "--DB_PASSWORD=",
                "--server.port=" + port,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--encaisse.demo.enabled=false",
                "--encaisse.admin.user=" + ADMIN, "--encaisse.admin.password=" + ADMIN_PASSWORD,
                // A dead node's jobs pass to the other once their locks expire: 5 minutes in
                // production, one minute here so that the run does not sit waiting.
                "--camunda.bpm.job-execution.lock-time-in-millis=60000",
                // An idle executor looks again within 2 s, not the default 60, when timers are moved.
                "--camunda.bpm.job-execution.max-wait=2000",
                "--logging.level.root=WARN", "--logging.level.org.encaisse=WARN",
                "--spring.main.banner-mode=off");
        Files.createDirectories(logDirectory);
    }

    String name() {
        return name;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toString()));
        command.addAll(settings);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitHealthy(Duration.ofMinutes(3));
    }

    /** kill -9: no shutdown hook, no rollback but the database's own, locks left to expire. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private void awaitHealthy(Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Node " + name + " did not become healthy within " + patience + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
