package org.encaisse.collection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.encaisse.EncaisseApplication;
import org.encaisse.access.Accounts;
import org.encaisse.access.Groups;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A collector's Tasklist query on MariaDB with TASKS open call tasks: candidate group
 * {@code collectors}, newest first, 50 rows, authorizations on. The tasks are made by the engine
 * (each with its identity link and its per-task authorization), once, and kept for later runs.
 * Times the REST calls Tasklist makes and the same engine query without HTTP. Prints figures;
 * asserts nothing. Run by bench/task-query.sh; arguments after the task count go to Spring, so
 * that each engine setting is measured with the same command.
 */
public final class TaskQueryBenchmark {

    private static final String COLLECTOR = "benchcollector";
    private static final String PASSWORD = "Mesure-Banc-2026";
    private static final int BATCH = 200;
    private static final int WARM_UP = 30;
    private static final int PAGE = 50;
    private static final int SLOW_MS = 10_000;
    private static final String QUERY = """
            {"candidateGroups":["collectors"],"sorting":[{"sortBy":"created","sortOrder":"desc"}]}""";
    // What Tasklist posts to a filter's list: the filter holds the criteria, the body the sorting.
    private static final String FILTER_BODY = """
            {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
            "sorting":[{"sortBy":"created","sortOrder":"desc"}]}""";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int tasks = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        String[] settings = Arrays.copyOfRange(args, 3, args.length);
        String[] fixed = {"--DB_URL=" + url, "--DB_USER=root", "--DB_PASSWORD=", "--server.port=0",
                "--encaisse.demo.enabled=false", "--encaisse.admin.user=bench",
                "--encaisse.admin.password=" + PASSWORD, "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=WARN", "--logging.level.org.encaisse=WARN", "--spring.main.banner-mode=off"};
        ConfigurableApplicationContext app = new SpringApplicationBuilder(EncaisseApplication.class)
                .profiles("mariadb")
                // Command-line arguments win over application.yaml, as the environment would.
                .run(Stream.concat(Arrays.stream(fixed), Arrays.stream(settings)).toArray(String[]::new));
        try {
            load(app, tasks);
            measure(app, runs, settings);
        } finally {
            app.close();
        }
    }

    private static void load(ConfigurableApplicationContext app, int tasks) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        app.getBean(Accounts.class).ensureUser(COLLECTOR, PASSWORD, "Bench", "Collector", null, List.of(Groups.COLLECTORS));
        Integer present = jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_CallCustomer'", Integer.class);
        if (present != null && present >= tasks) {
            System.out.printf("data: %d open call tasks already loaded%n", present);
            return;
        }
        long start = System.nanoTime();
        jdbc.update("""
                INSERT INTO customer (id, external_id, name, segment, risk_rating, credit_limit, sales_rep, language,
                                      delivery_blocked, version, created_at, updated_at)
                SELECT seq, CONCAT('T', LPAD(seq, 7, '0')), CONCAT('Client ', seq),
                       ELT(1 + seq %% 3, 'Grand compte', 'PME', 'TPE'), ELT(1 + seq %% 3, 'LOW', 'MEDIUM', 'HIGH'),
                       50000, 'paul', 'fr', FALSE, 0, NOW(6), NOW(6)
                FROM seq_1_to_%d WHERE seq NOT IN (SELECT id FROM customer)""".formatted(tasks));
        // One overdue invoice each, of amounts and ages spread over the priority table's bands, so that the calls'
        // names, cards and priorities are computed from real balances as the aging run's are.
        jdbc.update("""
                INSERT INTO invoice (id, number, customer_id, issue_date, due_date, amount, currency, outstanding_amount,
                                     status, version, created_at, updated_at, limitation_date)
                SELECT seq, CONCAT('TQ-', seq), seq, CURDATE() - INTERVAL (31 + seq %% 200) DAY,
                       CURDATE() - INTERVAL (1 + seq %% 200) DAY, 100 + (seq * 7919) %% 90000, 'EUR',
                       100 + (seq * 7919) %% 90000, 'OPEN', 0, NOW(6), NOW(6),
                       CURDATE() - INTERVAL (1 + seq %% 200) DAY + INTERVAL 5 YEAR
                FROM seq_1_to_%d WHERE seq NOT IN (SELECT id FROM invoice)""".formatted(tasks));
        Set<String> open = new HashSet<>(jdbc.queryForList(
                "SELECT BUSINESS_KEY_ FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ AND BUSINESS_KEY_ IS NOT NULL",
                String.class));
        RuntimeService runtime = app.getBean(RuntimeService.class);
        TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
        List<Map<String, Object>> customers = jdbc.queryForList(
                "SELECT id, external_id, segment, risk_rating FROM customer WHERE id <= ? ORDER BY id", tasks);
        int started = 0;
        for (int from = 0; from < customers.size(); from += BATCH) {
            List<Map<String, Object>> batch = customers.subList(from, Math.min(from + BATCH, customers.size())).stream()
                    .filter(customer -> !open.contains((String) customer.get("external_id"))).toList();
            transaction.executeWithoutResult(status -> batch.forEach(customer -> startAtTheCall(runtime, customer)));
            started += batch.size();
            if (started > 0 && (from / BATCH) % 20 == 19) {
                System.out.printf("data: %d cases started (%.0f s)%n", started, (System.nanoTime() - start) / 1e9);
            }
        }
        // The day the calls fall due (the model gives two days): "Mes appels du jour" lists all of them.
        jdbc.update("UPDATE ACT_RU_TASK SET DUE_DATE_ = ? WHERE TASK_DEF_KEY_ = 'Task_CallCustomer'",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)));
        jdbc.queryForList("ANALYZE TABLE ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_AUTHORIZATION, ACT_RU_EXECUTION");
        System.out.printf("data: %d cases started at the call task in %.1f s%n", started, (System.nanoTime() - start) / 1e9);
    }

    /** A case as the daily aging opens it, moved straight to the call, as a process migration would. */
    private static void startAtTheCall(RuntimeService runtime, Map<String, Object> customer) {
        String externalId = (String) customer.get("external_id");
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CUSTOMER_ID, ((Number) customer.get("id")).longValue());
        variables.put(CaseVariables.CUSTOMER_EXTERNAL_ID, externalId);
        variables.put(CaseVariables.CASE_DUE_DATE, "2026-10-01");
        variables.put(CaseVariables.RISK_RATING, customer.get("risk_rating"));
        variables.put(CaseVariables.SEGMENT, customer.get("segment"));
        variables.put(CaseVariables.OVERDUE_INVOICES, 1);
        runtime.createProcessInstanceByKey(CaseVariables.PROCESS).businessKey(externalId).setVariables(variables)
                .startBeforeActivity("Task_CallCustomer").execute();
    }

    private static void measure(ConfigurableApplicationContext app, int runs, String[] settings) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        TaskService tasks = app.getBean(TaskService.class);
        IdentityService identity = app.getBean(IdentityService.class);
        ProcessEngineConfigurationImpl engine = app.getBean(ProcessEngineConfigurationImpl.class);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String filter = candidateGroupFilter(app.getBean(FilterService.class), tasks,
                app.getBean(org.camunda.bpm.engine.AuthorizationService.class));
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((COLLECTOR + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String page = "?firstResult=0&maxResults=" + PAGE;

        Runnable engineList = asCollector(identity, () -> tasks.createTaskQuery().taskCandidateGroup(Groups.COLLECTORS)
                .orderByTaskCreateTime().desc().listPage(0, PAGE));
        Runnable engineCount = asCollector(identity, () -> tasks.createTaskQuery().taskCandidateGroup(Groups.COLLECTORS)
                .count());
        Runnable restList = () -> post(http, auth, port, "/engine-rest/task" + page, QUERY, "application/json");
        Runnable restCount = () -> post(http, auth, port, "/engine-rest/task/count", QUERY, "application/json");
        Runnable filterList = () -> post(http, auth, port, "/engine-rest/filter/" + filter + "/list" + page, FILTER_BODY,
                "application/hal+json");
        Runnable filterCount = () -> post(http, auth, port, "/engine-rest/filter/" + filter + "/count", FILTER_BODY,
                "application/json");

        System.out.printf(Locale.ROOT, "%nopen tasks: %d in ACT_RU_TASK, %d authorizations, %d candidate links to collectors%n",
                jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK WHERE GROUP_ID_ = 'collectors'", Long.class));
        System.out.printf(Locale.ROOT, "settings: %s; cmmn %s, standalone tasks %s, revoke check '%s'%n",
                settings.length == 0 ? "as configured" : String.join(" ", settings), engine.isCmmnEnabled(),
                engine.isStandaloneTasksEnabled(), engine.getAuthorizationCheckRevokes());
        System.out.printf(Locale.ROOT, "%d runs after %d warm-up runs (ms)             median      p95%n", runs, WARM_UP);
        if (!report("engine TaskQuery.listPage(0, 50)", engineList, runs)) {
            // The REST calls run the same SQL: repeating a query of minutes tells nothing more.
            report("engine TaskQuery.count()", engineCount, runs);
            System.out.println("REST calls not timed: the engine query alone exceeds " + SLOW_MS + " ms");
            return;
        }
        report("engine TaskQuery.count()", engineCount, runs);
        report("POST /engine-rest/task (50 rows)", restList, runs);
        report("POST /engine-rest/task/count", restCount, runs);
        report("POST /engine-rest/filter/{id}/list (HAL, 50)", filterList, runs);
        report("POST /engine-rest/filter/{id}/count", filterCount, runs);

        String callsToday = app.getBean(FilterService.class).createFilterQuery().filterName("Mes appels du jour")
                .singleResult().getId();
        report("Mes appels du jour: filter list (HAL, 50)", () -> post(http, auth, port,
                "/engine-rest/filter/" + callsToday + "/list" + page, FILTER_BODY, "application/hal+json"), runs);
        report("Mes appels du jour: filter count", () -> post(http, auth, port,
                "/engine-rest/filter/" + callsToday + "/count", FILTER_BODY, "application/json"), runs);
        TasklistClicks.measure(port, COLLECTOR, PASSWORD, Math.min(runs, 40));
    }

    /** The filter a manager would save for the collectors' queue, as Tasklist lists it. */
    private static String candidateGroupFilter(FilterService filters, TaskService tasks,
                                              org.camunda.bpm.engine.AuthorizationService authorizations) {
        String name = "Bench: collectors' queue";
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.saveFilter(filters.newTaskFilter(name)
                    .setQuery(tasks.createTaskQuery().taskCandidateGroup(Groups.COLLECTORS))
                    .setProperties(Map.of("priority", 100, "refresh", false)));
        }
        // Filters are read by the groups they are granted to, as Worklists grants its own.
        if (authorizations.createAuthorizationQuery().resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER)
                .resourceId(filter.getId()).groupIdIn(Groups.COLLECTORS).count() == 0) {
            var read = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
            read.setGroupId(Groups.COLLECTORS);
            read.setResource(org.camunda.bpm.engine.authorization.Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
            authorizations.saveAuthorization(read);
        }
        return filter.getId();
    }

    private static Runnable asCollector(IdentityService identity, Runnable query) {
        return () -> {
            identity.setAuthentication(COLLECTOR, List.of(Groups.COLLECTORS));
            try {
                query.run();
            } finally {
                identity.clearAuthentication();
            }
        };
    }

    /** Prints median and p95; a call slower than SLOW_MS is timed once and reported as such (false). */
    private static boolean report(String label, Runnable call, int runs) {
        long first = System.nanoTime();
        call.run();
        double once = (System.nanoTime() - first) / 1e6;
        if (once > SLOW_MS) {
            System.out.printf(Locale.ROOT, "%-48s %8.0f (one run, not repeated)%n", label, once);
            return false;
        }
        // A query of a second or more is timed fewer times, so that every setting can be measured in minutes.
        int repeats = once > 500 ? Math.min(runs, 20) : runs;
        for (int i = 1; i < (once > 500 ? 2 : WARM_UP); i++) {
            call.run();
        }
        List<Double> times = new ArrayList<>(repeats);
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            call.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "%-48s %8.2f %8.2f%s%n", label, times.get(repeats / 2),
                times.get((int) Math.ceil(repeats * 0.95) - 1), repeats < runs ? " (" + repeats + " runs)" : "");
        return true;
    }

    private static String post(HttpClient http, String auth, int port, String path, String body, String accept) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", auth).header("Content-Type", "application/json").header("Accept", accept)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
