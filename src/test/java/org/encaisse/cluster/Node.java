package org.encaisse.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.encaisse.support.PackagedApplication;

/**
 * One Encaisse node: the packaged application on the shared MariaDB with its job executor on. Killed
 * with SIGKILL, like a node losing its power.
 */
final class Node {

    static final String ADMIN = "cluster";
    static final String ADMIN_PASSWORD = "Deux-Noeuds-2026";

    private final PackagedApplication application;

    Node(String name, Path jar, Path logDirectory, String databaseUrl, int smtpPort) throws IOException {
        this.application = new PackagedApplication(name, jar, logDirectory, Map.of(), List.of(
                "--spring.profiles.active=mariadb",
                "--DB_URL=" + databaseUrl, "--DB_USER=root", "--DB_PASSWORD=",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--encaisse.demo.enabled=false",
                "--encaisse.admin.user=" + ADMIN, "--encaisse.admin.password=" + ADMIN_PASSWORD,
                // A dead node's jobs pass to the other once their locks expire: 5 minutes in
                // production, one minute here so that the run does not sit waiting.
                // Under Camunda's and Operaton's names alike: the switch (EngineSwitchTests) starts both builds'
                // jars, and each ignores the other's. Spelt in two so that the build's rename to Operaton
                // (operaton/rewrite.xml) does not make them one setting given twice.
                "--" + "camunda" + ".bpm.job-execution.lock-time-in-millis=60000",
                "--" + "operaton" + ".bpm.job-execution.lock-time-in-millis=60000",
                // An idle executor looks again within 2 s, not the default 60, when timers are moved.
                "--" + "camunda" + ".bpm.job-execution.max-wait=2000",
                "--" + "operaton" + ".bpm.job-execution.max-wait=2000",
                "--logging.level.root=WARN", "--logging.level.org.encaisse=WARN",
                "--spring.main.banner-mode=off"));
    }

    String name() {
        return application.name();
    }

    URI uri(String path) {
        return application.uri(path);
    }

    void start() throws IOException, InterruptedException {
        application.start();
    }

    void kill() throws InterruptedException {
        application.kill();
    }

    void stop() throws InterruptedException {
        application.stop();
    }
}
