package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.encaisse.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The morning job runs the aging for real: each customer commits on its own even inside the engine's
 * job, one customer that fails neither undoes nor blocks the others, and two runs at once open one
 * case per customer.
 */
@EncaisseTest
class AgingRunJobTests {

    @Autowired
    Api api;

    @Autowired
    AgingRun agingRun;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    private final LocalDate today = ParisDate.today();

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCustomerThatFailsLeavesTheOthersOpenedAndTheRetryOpensItsCase() throws Exception {
        List<String> debtors = List.of(debtor(), debtor(), debtor());
        Long failing = customers.get(debtors.get(1)).getId();
        Job run = morningRunJob();

        // Another transaction holds the customer's row for longer than the database's lock wait:
        // reviewing that customer fails, as it would behind a stuck session. On MariaDB a shared lock,
        // so that the morning snapshot (its foreign key to the customer takes a shared lock too) passes.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = holder.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.queryForObject("SELECT id FROM customer WHERE id = ? "
                        + (TestDatabase.isMariaDb() ? "LOCK IN SHARE MODE" : "FOR UPDATE"), Long.class, failing);
                locked.countDown();
                awaitQuietly(release);
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> management.executeJob(run.getId()))
                    .hasMessageContaining("customer " + failing + ": ")
                    .hasMessageContaining("could not be reviewed");
            release.countDown();
            holding.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
        assertThat(casesOf(debtors.get(0))).as("committed by its own transaction despite the failed job").isEqualTo(1);
        assertThat(casesOf(debtors.get(1))).isZero();
        assertThat(casesOf(debtors.get(2))).isEqualTo(1);
        assertThat(management.createJobQuery().jobId(run.getId()).singleResult().getExceptionMessage())
                .contains("could not be reviewed");

        management.executeJob(run.getId());
        assertThat(debtors).allSatisfy(debtor -> assertThat(casesOf(debtor)).isEqualTo(1));
        assertThat(management.createJobQuery().jobId(run.getId()).count()).as("the run is done").isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void twoRunsAtOnceOpenOneCasePerCustomer() throws Exception {
        List<String> debtors = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            debtors.add(debtor());
        }
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            List<Future<AgingRun.Result>> both = List.of(runs.submit(() -> agingRun.run(today)),
                    runs.submit(() -> agingRun.run(today)));
            int opened = 0;
            for (Future<AgingRun.Result> result : both) {
                AgingRun.Result done = result.get(120, TimeUnit.SECONDS);
                assertThat(done.failures()).isEmpty();
                opened += done.opened();
            }
            assertThat(opened).isGreaterThanOrEqualTo(debtors.size());
        } finally {
            runs.shutdownNow();
        }
        assertThat(debtors).allSatisfy(debtor -> assertThat(casesOf(debtor)).isEqualTo(1));
    }

    /** The job that carries out Task_RunAging, after the morning timer fired. */
    private Job morningRunJob() {
        Job timer = management.createJobQuery().processDefinitionKey("AgingRunProcess").timers().active().singleResult();
        management.executeJob(timer.getId());
        return management.createJobQuery().processDefinitionKey("AgingRunProcess").messages().active().list().stream()
                .reduce((first, last) -> last).orElseThrow();
    }

    private String debtor() {
        String customer = api.customer();
        api.invoice(customer, today.minusDays(45).toString(), today.minusDays(15).toString(), "1200.00");
        return customer;
    }

    private long casesOf(String customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS)
                .processInstanceBusinessKey(customer).count();
    }
}
