package org.encaisse.support;

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
import java.util.Map;

/**
 * The packaged jar in a JVM of its own, started as an operator starts it: {@code java -jar}, settings from
 * the environment (its HTTP port in {@code PORT}), its output in a log file of its own.
 */
public final class PackagedApplication {

    private final String name;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final int port;
    private Process process;

    public PackagedApplication(String name, Path jar, Path logDirectory, Map<String, String> environment,
                               List<String> arguments) throws IOException {
        this.name = name;
        this.jar = jar;
        this.log = logDirectory.resolve("node-" + name + ".log");
        this.environment = Map.copyOf(environment);
        this.arguments = List.copyOf(arguments);
        this.port = freePort();
        Files.createDirectories(logDirectory);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path log() {
        return log;
    }

    /** Starts the jar and waits until {@code /actuator/health} answers 200. */
    public void start() throws IOException, InterruptedException {
        launch();
        awaitHealthy(Duration.ofMinutes(3));
    }

    /** Starts the jar and returns at once, for a test that watches the start-up itself. */
    public void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        process = builder.start();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hook, no rollback but the database's own, locks left to expire. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
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
