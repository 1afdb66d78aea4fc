package org.encaisse.analytics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.encaisse.EncaisseApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aged balance over 1,000,000 invoices of 100,000 customers on MariaDB: loads the data once
 * (plain SQL from MariaDB's sequence tables), starts Encaisse on it, and times the bare GROUP BY
 * against Encaisse's queries and API calls. Prints figures and ratios; asserts nothing.
 * Run by bench/aged-balance.sh.
 */
public final class AgedBalanceBenchmark {

    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int customers = Integer.parseInt(args[1]);
        int invoices = Integer.parseInt(args[2]);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(EncaisseApplication.class)
                .profiles("mariadb")
                // Command-line arguments: they win over application.yaml, as the environment would.
                .run("--DB_URL=" + url, "--DB_USER=root", "--DB_PASSWORD=", "--server.port=0",
                        "--encaisse.demo.enabled=false", "--encaisse.admin.user=bench",
                        "--encaisse.admin.password=bench-secret", "--camunda.bpm.job-execution.enabled=false",
                        "--logging.level.root=WARN", "--logging.level.org.encaisse=WARN", "--spring.main.banner-mode=off");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            load(jdbc, customers, invoices);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            run(app, jdbc, port, invoices);
        } finally {
            app.close();
        }
    }

    private static void load(JdbcTemplate jdbc, int customers, int invoices) {
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class);
        if (present != null && present >= invoices) {
            System.out.printf("data: %d invoices already loaded%n", present);
            return;
        }
        long start = System.nanoTime();
        jdbc.update("DELETE FROM customer_aging");
        jdbc.update("DELETE FROM receivables_month");
        jdbc.update("DELETE FROM invoice");
        jdbc.update("DELETE FROM customer");
        jdbc.update("""
                INSERT INTO customer (id, external_id, name, segment, risk_rating, credit_limit, sales_rep, language,
                                      delivery_blocked, version, created_at, updated_at)
                SELECT seq, CONCAT('B', LPAD(seq, 7, '0')), CONCAT('Client ', seq),
                       ELT(1 + seq %% 4, 'Grand compte', 'PME', 'PME', 'TPE'), ELT(1 + seq %% 3, 'LOW', 'MEDIUM', 'HIGH'),
                       50000, ELT(1 + seq %% 5, 'paul', 'sophie', 'marc', 'ines', 'louis'), 'fr', FALSE, 0, NOW(6), NOW(6)
                FROM seq_1_to_%d""".formatted(customers));
        // Due dates spread from 300 days ago to 60 days ahead; a third paid, a sixth paid in part.
        jdbc.update("""
                INSERT INTO invoice (id, number, customer_id, issue_date, due_date, amount, currency, outstanding_amount,
                                     credited_amount, status, version, created_at, updated_at)
                SELECT seq, CONCAT('BF-', seq), 1 + seq %% %d,
                       DATE_SUB(CURDATE(), INTERVAL CAST(seq * 7919 %% 360 AS SIGNED) - 30 DAY),
                       DATE_SUB(CURDATE(), INTERVAL CAST(seq * 7919 %% 360 AS SIGNED) - 60 DAY),
                       100 + (seq * 37 %% 10000), 'EUR',
                       CASE WHEN seq %% 3 = 0 THEN 0 WHEN seq %% 6 = 1 THEN ROUND((100 + (seq * 37 %% 10000)) / 2, 2)
                            ELSE 100 + (seq * 37 %% 10000) END,
                       0, CASE WHEN seq %% 3 = 0 THEN 'PAID' WHEN seq %% 6 = 1 THEN 'PARTIALLY_PAID' ELSE 'OPEN' END,
                       0, NOW(6), NOW(6)
                FROM seq_1_to_%d""".formatted(customers, invoices));
        jdbc.queryForList("ANALYZE TABLE invoice, customer");
        System.out.printf("data: %d customers, %d invoices loaded in %.1f s%n", customers, invoices,
                (System.nanoTime() - start) / 1e9);
    }

    private static void run(ConfigurableApplicationContext app, JdbcTemplate jdbc, int port, int invoices) throws Exception {
        AgedBalanceReport report = app.getBean(AgedBalanceReport.class);
        AgingSnapshot snapshot = app.getBean(AgingSnapshot.class);
        ReceivablesFigures receivables = app.getBean(ReceivablesFigures.class);
        org.springframework.transaction.support.TransactionTemplate transaction =
                app.getBean(org.springframework.transaction.support.TransactionTemplate.class);
        LocalDate today = LocalDate.now(app.getBean(java.time.Clock.class));
        AnalyticsFilter all = new AnalyticsFilter("EUR", null, null, null, null);
        String bands = AgingSql.bandSums(AgingSql.OWED_NOW).replace(":asOf", quote(today))
                .replace(":d30", quote(today.minusDays(30))).replace(":d60", quote(today.minusDays(60)))
                .replace(":d90", quote(today.minusDays(90))).replace(":d120", quote(today.minusDays(120)));

        double bare = median(() -> jdbc.queryForMap("SELECT " + bands
                + " FROM invoice i WHERE i.currency = 'EUR' AND i.outstanding_amount > 0"));
        double barePerCustomer = median(() -> jdbc.queryForList("SELECT i.customer_id, " + bands
                + " FROM invoice i WHERE i.currency = 'EUR' AND i.outstanding_amount > 0"
                + " GROUP BY i.customer_id ORDER BY overdue DESC LIMIT 50"));
        double full = median(() -> report.of(today, all, 0, true));
        double perCustomer = median(() -> report.of(today, all, 50, true)) - full;

        long rebuildStart = System.nanoTime();
        transaction.executeWithoutResult(status -> snapshot.rebuild(today));
        double rebuild = (System.nanoTime() - rebuildStart) / 1e6;
        long warmStart = System.nanoTime();
        jdbc.update("DELETE FROM receivables_month");
        receivables.warm();
        double warm = (System.nanoTime() - warmStart) / 1e6;

        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("bench:bench-secret".getBytes(StandardCharsets.UTF_8));
        // The server has served other calls before the day's first dashboard, as a running one has.
        double topDebtors = median(() -> get(http, auth, port, "/api/analytics/top-debtors?limit=50"));
        double filtered = median(() -> get(http, auth, port, "/api/analytics/aged-balance?segment=PME&riskRating=HIGH"));
        double snapshotBalance = median(() -> report.of(today, all, 50, false));
        Supplier<String> dashboard = () -> get(http, auth, port, "/api/analytics/dashboard");
        double firstLoad = time(dashboard);
        double dashboardMedian = median(dashboard::get);

        AgedBalance fromSnapshot = report.of(today, all, 100, false);
        AgedBalance fromInvoices = report.of(today, all, 100, true);
        boolean equal = fromSnapshot.total().equals(fromInvoices.total())
                && fromSnapshot.customerCount().equals(fromInvoices.customerCount())
                && fromSnapshot.customers().equals(fromInvoices.customers());

        System.out.printf(Locale.ROOT, "%ninvoices: %d, median of %d runs after one warm-up (ms)%n", invoices, RUNS);
        System.out.printf(Locale.ROOT, "bare SQL, totals by band:                     %8.1f%n", bare);
        System.out.printf(Locale.ROOT, "Encaisse, totals by band from the invoices:   %8.1f  ratio to bare %.2f%n", full, full / bare);
        System.out.printf(Locale.ROOT, "bare SQL, per customer, top 50:               %8.1f%n", barePerCustomer);
        System.out.printf(Locale.ROOT, "Encaisse, per customer, top 50 (its part):    %8.1f  ratio to bare %.2f%n",
                perCustomer, perCustomer / barePerCustomer);
        System.out.printf(Locale.ROOT, "Encaisse, totals + top 50 from the snapshot:  %8.1f  ratio to bare totals %.3f%n",
                snapshotBalance, snapshotBalance / bare);
        System.out.printf(Locale.ROOT, "GET /api/analytics/top-debtors?limit=50:      %8.1f%n", topDebtors);
        System.out.printf(Locale.ROOT, "GET /api/analytics/aged-balance (PME, HIGH):  %8.1f%n", filtered);
        System.out.printf(Locale.ROOT, "GET /api/analytics/dashboard, first load:     %8.1f%n", firstLoad);
        System.out.printf(Locale.ROOT, "GET /api/analytics/dashboard, median:         %8.1f%n", dashboardMedian);
        System.out.printf(Locale.ROOT, "nightly: snapshot rebuild %.0f ms, DSO months %.0f ms%n", rebuild, warm);
        System.out.printf(Locale.ROOT, "snapshot equals the full computation: %s (total %s over %d customers)%n", equal,
                fromInvoices.total().total(), fromInvoices.customerCount());
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap in use at the end: %d MB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    private static String get(HttpClient http, String auth, int port, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(Runnable call) {
        call.run();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            times.add(time(() -> {
                call.run();
                return null;
            }));
        }
        Collections.sort(times);
        return times.get(RUNS / 2);
    }

    private static double time(Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static String quote(LocalDate day) {
        return "'" + day + "'";
    }

}
