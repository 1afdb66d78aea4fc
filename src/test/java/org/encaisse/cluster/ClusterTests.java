package org.encaisse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.encaisse.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged application as two nodes on one MariaDB database, at a size the build can afford
 * ({@code bench/cluster.sh} runs the same at 10,000 cases): every letter sent once, nothing left
 * failed or waiting, with both nodes up and with one killed half-way and restarted.
 */
@Tag("cluster")
class ClusterTests {

    private static final int CASES = 60;

    private final ClusterRun run = new ClusterRun(TestDatabase.mariaDbUrl(), "encaisse_cluster_test",
            System.getenv().getOrDefault("MARIADB_USER", "root"), System.getenv().getOrDefault("MARIADB_PASSWORD", ""),
            Path.of(System.getProperty("encaisse.cluster.jar")), Path.of("target", "cluster"));

    @Test
    void twoNodesSendEveryReminderOnceAndLeaveNothingBehind() throws Exception {
        ClusterRun.Report report = run.run(CASES, false);

        assertComplete(report);
        assertThat(report.resentWithSameMessageId()).as(report.describe()).isZero();
        assertThat(report.messagesReceived()).isEqualTo(2 * CASES);
    }

    @Test
    void aNodeKilledMidRunAndRestartedLosesNothingAndSendsNoLetterTwice() throws Exception {
        ClusterRun.Report report = run.run(CASES, true);

        assertComplete(report);
        // Only a letter the SMTP server accepted before the kill, while its SENT had not committed yet, goes
        // again, and as the same message (same Message-ID); the dead node ran at most its job executor's
        // ten threads at once (Camunda's default maximum pool).
        assertThat(report.resentWithSameMessageId()).as(report.describe()).isLessThanOrEqualTo(10);
    }

    private static void assertComplete(ClusterRun.Report report) {
        String seen = report.describe();
        System.out.println(seen);
        assertThat(report.firstRemindersSent()).as(seen).isEqualTo(CASES);
        assertThat(report.secondRemindersSent()).as(seen).isEqualTo(CASES);
        assertThat(report.notSent()).as(seen).isZero();
        assertThat(report.distinctMessageIds()).as(seen).isEqualTo(2 * CASES);
        assertThat(report.unknownMessageIds()).as(seen).isZero();
        assertThat(report.customersNotGettingTwo()).as(seen).isZero();
        assertThat(report.incidents()).as(seen).isZero();
        assertThat(report.executableJobsLeft()).as(seen).isZero();
        assertThat(report.jobsWithoutRetries()).as(seen).isZero();
        assertThat(report.openCallTasks()).as(seen).isEqualTo(CASES);
        assertThat(report.auditChainIntact()).as(seen).isTrue();
    }
}
