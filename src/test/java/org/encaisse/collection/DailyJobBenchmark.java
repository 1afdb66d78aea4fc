package org.encaisse.collection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.EncaisseApplication;
import org.encaisse.support.ParisDate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The daily job at scale on MariaDB: CUSTOMERS customers and INVOICES open invoices, a week-old
 * set of cases, then one simulated day (the aging run, the cases it opens, the second reminders
 * falling due, every letter rendered and mailed to a real SMTP server in a JVM of its own) carried out by
 * the application's own job executor. Mode {@code ours} runs Encaisse's models; mode {@code bare}
 * deploys a bare CollectionCaseProcess over the real one first (src/test/resources/bench), with
 * the same jobs and wait states and no work of ours in them; {@code compare} prints the ratios of
 * two result files. Prints figures, asserts nothing. Run by bench/daily-job.sh.
 *
 * <p>The data, customer c in four groups by c % 4, five invoices each:
 * <ul>
 * <li>0 and 1 (half): two invoices overdue a week before the day (the setup day), so their cases
 * open then and send reminder 1; a third invoice falls due on the setup day and joins the case;
 * on the day, the second reminder's timer is due (at least 5 to 7 days after reminder 1);</li>
 * <li>2 (a quarter): two invoices falling due on the setup day, overdue on the day: cases open
 * and send reminder 1;</li>
 * <li>3 (a quarter), and every other invoice: due 11 to 70 days after the day, except one in 62
 * due in 5 days (courtesy reminder and pre-due call decision) and one in 62 due in 10 days (pre-due
 * call decision), which is what a day adds to those windows in a steady state.</li>
 * </ul>
 */
public final class DailyJobBenchmark {

    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final LocalDate SETUP_DAY = DAY.minusDays(7);
    static final ZoneId ZONE = ParisDate.ZONE;
    /** After the morning (08:00) at which the collection calendar puts its timers. */
    static final LocalTime START = LocalTime.of(10, 0);

    private static final List<String> PROCESS_KEYS = List.of("CollectionCaseProcess", "CommunicationDeliveryProcess",
            "BareDeliveryProcess", "PreCollectionCallProcess");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("compare") && args[1].contains(",")) {
            comparePairs(loadAll(args[1]), loadAll(args[2]));
            return;
        }
        if (args[0].equals("compare")) {
            compare(load(Path.of(args[1])), load(Path.of(args[2])));
            return;
        }
        startFlightRecorderBeforeAnythingIsCompiled();
        String mode = args[0];
        String url = args[1];
        int customers = Integer.parseInt(args[2]);
        int invoices = Integer.parseInt(args[3]);
        Path results = Path.of(args[4]);
        SmtpSink mail = SmtpSink.start();
        List<String> arguments = new ArrayList<>(List.of("--DB_URL=" + url, "--DB_USER=root", "--DB_PASSWORD=",
                "--server.port=0", "--encaisse.demo.enabled=false", "--encaisse.admin.user=bench",
                "--encaisse.admin.password=Mesure-Banc-2026", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.port(), "--logging.level.root=WARN",
                "--logging.level.org.encaisse=WARN", "--spring.main.banner-mode=off"));
        // Job-executor tuning and the like, from the command line: they win over application.yaml.
        arguments.addAll(List.of(args).subList(5, args.length));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(EncaisseApplication.class)
                .profiles("mariadb").run(arguments.toArray(String[]::new));
        try {
            new DailyJobBenchmark(app, mail, mode).run(customers, invoices, results);
        } finally {
            ClockUtil.reset();
            app.close();
            mail.close();
        }
    }

    /**
     * On this JDK (17), the first JFR recording of a JVM adds the JVMTI capability to retransform
     * classes, and HotSpot then throws away every method it has compiled so far, since none recorded
     * the dependencies that capability needs (JDK-8324241, fixed in JDK 23). Started with the day's
     * recording, that discarded the warmed-up code of the whole application at 10:00 of the measured
     * day: about 19,000 compiled methods at once, which ran interpreted and were compiled again inside
     * the day (half of either side's JVM CPU at 6,000 customers). An empty recording started here,
     * before Spring, moves that to a moment when almost nothing is compiled.
     */
    private static void startFlightRecorderBeforeAnythingIsCompiled() {
        try (Recording empty = new Recording()) {
            empty.start();
            empty.stop();
        }
    }

    private final ConfigurableApplicationContext app;
    private final SmtpSink mail;
    private final String mode;
    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final ProcessEngineConfigurationImpl engine;
    private final Memory memory = new Memory();

    private DailyJobBenchmark(ConfigurableApplicationContext app, SmtpSink mail, String mode) {
        this.app = app;
        this.mail = mail;
        this.mode = mode;
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.management = app.getBean(ManagementService.class);
        this.engine = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    }

    private void run(int customers, int invoices, Path results) throws Exception {
        // The benchmark starts each day itself; moving the clock would otherwise also fire the 06:00 timer.
        management.suspendJobDefinitionByProcessDefinitionKey("AgingRunProcess", true);
        if (mode.equals("bare")) {
            app.getBean(ProcessEngine.class).getRepositoryService().createDeployment().name("daily-job benchmark, bare")
                    .addClasspathResource("bench/BareCollectionCaseProcess.bpmn")
                    .addClasspathResource("bench/BareDeliveryProcess.bpmn").deploy();
        }
        loadData(customers, invoices);
        printSettings();

        Day setup = day("setup day " + SETUP_DAY, SETUP_DAY, null);
        Path jfr = results.resolveSibling("daily-job-" + mode + ".jfr");
        Day day = day("simulated day " + DAY, DAY, jfr);
        Profile profile = Profile.of(jfr);
        profile.print();

        Properties figures = day.figures();
        figures.setProperty("mode", mode);
        figures.setProperty("customers", Integer.toString(customers));
        figures.setProperty("invoices", Integer.toString(invoices));
        figures.setProperty("setup.wall", Double.toString(setup.wall));
        figures.setProperty("profile.letters", Double.toString(profile.letterShare()));
        figures.setProperty("profile.samples", Long.toString(profile.samples));
        checkExactlyOnce(figures);
        claimCalls(figures);
        try (OutputStream out = Files.newOutputStream(results)) {
            figures.store(out, "DailyJobBenchmark " + mode);
        }
        System.out.printf(Locale.ROOT, "figures written to %s, JFR recording of the day in %s%n", results, jfr);
    }

    private static final int CLAIMS = 1000;

    /**
     * After the day, not in it: a collector claiming call tasks one after the other. Ours writes the
     * call's briefing at that moment (five reads and a task variable), the bare process nothing; what
     * ours moved out of the daily job is paid here, one claim at a time.
     */
    private void claimCalls(Properties figures) {
        TaskService tasks = app.getBean(TaskService.class);
        List<String> calls = tasks.createTaskQuery().taskDefinitionKey("Task_CallCustomer").taskUnassigned()
                .listPage(0, CLAIMS).stream().map(Task::getId).toList();
        long[] nanos = new long[calls.size()];
        Map<String, Long> sqlBefore = sqlCounters();
        for (int i = 0; i < calls.size(); i++) {
            long start = System.nanoTime();
            tasks.claim(calls.get(i), "bench-collector");
            nanos[i] = System.nanoTime() - start;
        }
        Map<String, Long> sqlAfter = sqlCounters();
        if (nanos.length == 0) {
            return;
        }
        long statements = STATEMENT_COUNTERS.stream().mapToLong(name -> sqlAfter.get(name) - sqlBefore.get(name)).sum();
        Arrays.sort(nanos);
        double median = nanos[nanos.length / 2] / 1e6;
        double p95 = nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6;
        System.out.printf(Locale.ROOT, "claiming %d call tasks one after the other, after the day: median %.2f ms, p95 %.2f ms,"
                + " %.1f statements per claim%n", nanos.length, median, p95, (double) statements / nanos.length);
        figures.setProperty("claim.median", Double.toString(median));
        figures.setProperty("claim.p95", Double.toString(p95));
        figures.setProperty("claim.statements", Double.toString((double) statements / nanos.length));
    }

    private void loadData(int customers, int invoices) {
        long start = System.nanoTime();
        jdbc.update("""
                INSERT INTO customer (id, external_id, name, segment, risk_rating, credit_limit, sales_rep, language,
                                      delivery_blocked, version, created_at, updated_at, address)
                SELECT seq, CONCAT('DJ', LPAD(seq, 7, '0')), CONCAT('Client ', seq),
                       ELT(1 + (seq DIV 4) %% 4, 'Grand compte', 'PME', 'PME', 'TPE'),
                       ELT(1 + (seq DIV 16) %% 3, 'LOW', 'MEDIUM', 'HIGH'), 50000,
                       ELT(1 + seq %% 5, 'paul', 'sophie', 'marc', 'ines', 'louis'), 'fr', FALSE, 0, NOW(6), NOW(6),
                       CONCAT(seq, ' rue de la République|69002 Lyon')
                FROM seq_1_to_%d""".formatted(customers));
        jdbc.update("""
                INSERT INTO contact (id, customer_id, list_index, role, name, email)
                SELECT seq, seq, 0, 'ACCOUNTS_PAYABLE', CONCAT('Comptabilité ', seq), CONCAT('ap', seq, '@client.example')
                FROM seq_1_to_%d""".formatted(customers));
        String setup = "'" + SETUP_DAY + "'";
        String day = "'" + DAY + "'";
        jdbc.update("""
                INSERT INTO invoice (id, number, customer_id, issue_date, due_date, amount, currency, outstanding_amount,
                                     credited_amount, status, version, created_at, updated_at)
                SELECT seq, CONCAT('DJ-', seq), c, DATE_SUB(due, INTERVAL 30 DAY), due, amount, 'EUR', amount, 0, 'OPEN',
                       0, NOW(6), NOW(6)
                FROM (SELECT seq, c, 100 + (seq * 37 %% 10000) AS amount,
                             CASE WHEN c %% 4 < 2 AND k = 0 THEN DATE_SUB(%1$s, INTERVAL 20 + c %% 40 DAY)
                                  WHEN c %% 4 < 2 AND k = 1 THEN DATE_SUB(%1$s, INTERVAL 1 + c %% 10 DAY)
                                  WHEN c %% 4 < 2 AND k = 2 THEN %1$s
                                  WHEN c %% 4 = 2 AND k < 2 THEN %1$s
                                  ELSE DATE_ADD(%2$s, INTERVAL CASE seq %% 62 WHEN 0 THEN 5 WHEN 1 THEN 10
                                                                   ELSE 11 + seq %% 60 END DAY)
                             END AS due
                      FROM (SELECT seq, 1 + (seq - 1) %% %3$d AS c, ((seq - 1) DIV %3$d) %% 5 AS k
                            FROM seq_1_to_%4$d) numbered) dated""".formatted(setup, day, customers, invoices));
        jdbc.queryForList("ANALYZE TABLE invoice, customer, contact");
        System.out.printf(Locale.ROOT, "data: %d customers (one contact with an email each), %d open invoices, loaded in %.1f s%n",
                customers, invoices, (System.nanoTime() - start) / 1e9);
    }

    private void printSettings() {
        JobExecutor executor = engine.getJobExecutor();
        String pool = "";
        if (executor instanceof SpringJobExecutor spring && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor threads) {
            pool = "core pool %d, max pool %d, queue %d, ".formatted(threads.getCorePoolSize(), threads.getMaxPoolSize(),
                    threads.getQueueCapacity());
        }
        System.out.printf(Locale.ROOT, "mode: %s; job executor: %s%d jobs per acquisition, wait %d ms (max %d ms), "
                        + "lock %d ms, deployment-aware %s; history %s; connection pool %d; %d processors, heap max %d MB%n",
                mode, pool, executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis(), executor.getMaxWait(),
                executor.getLockTimeInMillis(), engine.isJobExecutorDeploymentAware(), engine.getHistory(),
                app.getBean(HikariDataSource.class).getMaximumPoolSize(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** One day: the engine's clock at 10:00 of {@code date}, the aging run, then the job executor until nothing is due. */
    private Day day(String label, LocalDate date, Path jfr) throws Exception {
        Instant dayStart = date.atTime(START).atZone(ZONE).toInstant();
        Timestamp since = Timestamp.from(dayStart);
        long lastCommunication = count("SELECT COALESCE(MAX(id), 0) FROM communication");
        int mailBefore = mail.messageIds().size();
        Recording recording = null;
        if (jfr != null) {
            recording = new Recording();
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(20));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20));
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(10)).withStackTrace();
            recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(10)).withStackTrace();
            // Where the CPU the samples miss goes (collector, compiler threads), and who allocates.
            recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofSeconds(1));
            recording.enable("jdk.GarbageCollection");
            recording.enable("jdk.ObjectAllocationSample").with("throttle", "300/s").withStackTrace();
            recording.start();
        }
        memory.reset();
        long cpuBefore = Cpu.jvm();
        long kernelBefore = ProcessCpu.systemTicks(ProcessHandle.current().pid());
        long dbBefore = Cpu.database();
        long smtpBefore = mail.cpuTicks();
        Map<String, Long> sqlBefore = sqlCounters();
        long start = System.nanoTime();
        ClockUtil.offset(dayStart.toEpochMilli() - System.currentTimeMillis());
        // The timers that fell due overnight: a running executor finds them at its next poll (5 s at most).
        engine.getJobExecutor().jobWasAdded();
        AgingRun.Result aging = app.getBean(AgingRun.class).run(date);
        double agingSeconds = (System.nanoTime() - start) / 1e9;
        waitUntilNoJobIsDue();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (Cpu.jvm() - cpuBefore) / 1e9;
        double kernel = (ProcessCpu.systemTicks(ProcessHandle.current().pid()) - kernelBefore) / Cpu.TICKS;
        double dbCpu = (Cpu.database() - dbBefore) / Cpu.TICKS;
        double smtpCpu = (mail.cpuTicks() - smtpBefore) / Cpu.TICKS;
        Map<String, Long> sqlAfter = sqlCounters();
        long statements = STATEMENT_COUNTERS.stream().mapToLong(name -> sqlAfter.get(name) - sqlBefore.get(name)).sum();
        long commits = sqlAfter.get("Com_commit") - sqlBefore.get("Com_commit");
        if (recording != null) {
            recording.stop();
            recording.dump(jfr);
            recording.close();
        }
        Memory.Peaks peaks = memory.peaks();

        Map<String, Long> executed = jobs(2, since);
        Map<String, Long> created = jobs(0, since);
        long jobCount = executed.values().stream().mapToLong(Long::longValue).sum();
        long failures = count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1 AND TIMESTAMP_ >= ?", since);
        long opened = count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'CollectionCaseProcess' AND START_TIME_ >= ?", since);
        long escalated = executed.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("CollectionCaseProcess Event_SecondReminderDue"))
                .mapToLong(Map.Entry::getValue).sum();
        Map<String, Long> tasks = grouped("SELECT CONCAT(COALESCE(PROC_DEF_KEY_, '-'), ' ', COALESCE(TASK_DEF_KEY_, '-')), COUNT(*) FROM ACT_HI_TASKINST"
                + " WHERE START_TIME_ >= ? GROUP BY PROC_DEF_KEY_, TASK_DEF_KEY_", since);
        Map<String, Long> letters = grouped("SELECT CONCAT(step, ' ', status), COUNT(*) FROM communication WHERE id > ?"
                + " GROUP BY step, status", lastCommunication);
        long sent = count("SELECT COUNT(*) FROM communication WHERE sent_at >= ?", since);
        int mailsInAll = mail.messageIds().size();
        int mails = mailsInAll - mailBefore;
        long incidents = count("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE INCIDENT_TIMESTAMP_ >= ?", since);
        long withException = management.createJobQuery().withException().count();

        System.out.printf(Locale.ROOT, "%n== %s (%s) ==%n", label, mode);
        System.out.printf(Locale.ROOT, "aging run: %d customers with overdue invoices, %d cases opened, %d joined, "
                        + "%d advancing, %d pre-due calls, %d pre-due reminders; %.1f s%n", aging.customersWithOverdue(),
                aging.opened(), aging.joined(), aging.advanced(), aging.preDueCallsScheduled(),
                aging.preDueRemindersRecorded(), agingSeconds);
        System.out.println("jobs executed (created) by process and activity:");
        executed.forEach((key, value) -> System.out.printf(Locale.ROOT, "  %-75s %7d (%d)%n", key, value,
                created.getOrDefault(key, 0L)));
        created.forEach((key, value) -> {
            if (!executed.containsKey(key)) {
                System.out.printf(Locale.ROOT, "  %-75s %7d (%d) still waiting%n", key, 0, value);
            }
        });
        System.out.println("user tasks created:");
        tasks.forEach((key, value) -> System.out.printf(Locale.ROOT, "  %-75s %7d%n", key, value));
        System.out.println("communications recorded, by step and status:");
        letters.forEach((key, value) -> System.out.printf(Locale.ROOT, "  %-75s %7d%n", key, value));
        System.out.printf(Locale.ROOT, "cases opened %d, cases escalated %d (second reminder), jobs executed %d, "
                        + "letters sent %d, mails received %d, failed job runs %d, incidents %d, jobs with an exception %d%n",
                opened, escalated, jobCount, sent, mails, failures, incidents, withException);
        System.out.printf(Locale.ROOT, "wall %.1f s (aging run %.1f s); %.1f cases/s, %.1f jobs/s, %.1f letters/s%n", wall,
                agingSeconds, (opened + escalated) / wall, jobCount / wall, sent / wall);
        System.out.printf(Locale.ROOT, "CPU: this JVM %.1f s (%.2f cores; %.1f s of it in the kernel), MariaDB %s; the SMTP server's JVM %.1f s, not counted%n",
                cpu, cpu / wall, kernel, dbCpu < 0 ? "not readable" : "%.1f s (%.2f cores)".formatted(dbCpu, dbCpu / wall), smtpCpu);
        System.out.printf(Locale.ROOT, "SQL on MariaDB (the whole server): %d statements (select, insert, update, delete), "
                + "%d commits; %.1f statements per job%n", statements, commits, (double) statements / jobCount);
        System.out.printf(Locale.ROOT, "memory: heap used at most %d MB (sampled every 100 ms), live heap after GC at most"
                        + " %d MB, resident set at most %s MB (VmHWM); the SMTP server holds %d messages in its own JVM%n",
                peaks.sampled() >> 20, peaks.afterGc() >> 20, peaks.rss() < 0 ? "?" : Long.toString(peaks.rss() >> 20),
                mailsInAll);

        Properties figures = new Properties();
        figures.setProperty("wall", Double.toString(wall));
        figures.setProperty("aging", Double.toString(agingSeconds));
        figures.setProperty("cpu.jvm", Double.toString(cpu));
        figures.setProperty("cpu.db", Double.toString(dbCpu));
        figures.setProperty("cpu.smtp", Double.toString(smtpCpu));
        figures.setProperty("cpu.jvm.kernel", Double.toString(kernel));
        figures.setProperty("sql.statements", Long.toString(statements));
        figures.setProperty("sql.commits", Long.toString(commits));
        figures.setProperty("cases.opened", Long.toString(opened));
        figures.setProperty("cases.escalated", Long.toString(escalated));
        figures.setProperty("jobs", Long.toString(jobCount));
        figures.setProperty("letters", Long.toString(sent));
        figures.setProperty("mails", Integer.toString(mails));
        figures.setProperty("incidents", Long.toString(incidents));
        figures.setProperty("failures", Long.toString(failures));
        figures.setProperty("heap.sampled", Long.toString(peaks.sampled()));
        figures.setProperty("heap.afterGc", Long.toString(peaks.afterGc()));
        figures.setProperty("rss", Long.toString(peaks.rss()));
        for (String key : PROCESS_KEYS) {
            figures.setProperty("jobs." + key, Long.toString(executed.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(key + " ")).mapToLong(Map.Entry::getValue).sum()));
        }
        figures.setProperty("tasks", Long.toString(tasks.values().stream().mapToLong(Long::longValue).sum()));
        return new Day(wall, figures);
    }

    private static final List<String> STATEMENT_COUNTERS = List.of("Com_select", "Com_insert", "Com_update", "Com_delete");

    /**
     * MariaDB's statement counters: each statement is a round trip that costs CPU in both processes
     * (the JVM's share partly in the kernel, where JFR's Java samples do not see it).
     */
    private Map<String, Long> sqlCounters() {
        Map<String, Long> counters = new java.util.HashMap<>();
        jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert', 'Com_update', 'Com_delete', "
                + "'Com_commit')", (java.sql.ResultSet row) -> {
                    counters.put(row.getString(1), row.getLong(2));
                });
        return counters;
    }

    private record Day(double wall, Properties figures) {
    }

    /** Until no job with retries left is due (running ones included: they stay in ACT_RU_JOB until they commit). */
    private void waitUntilNoJobIsDue() throws InterruptedException {
        while (management.createJobQuery().executable().active().count() > 0) {
            Thread.sleep(250);
        }
    }

    private Map<String, Long> jobs(int state, Timestamp since) {
        return grouped("SELECT CONCAT(COALESCE(PROCESS_DEF_KEY_, '-'), ' ', COALESCE(ACT_ID_, '-'), ' ', COALESCE(JOB_DEF_TYPE_, '-')), COUNT(*) FROM ACT_HI_JOB_LOG"
                + " WHERE JOB_STATE_ = " + state + " AND TIMESTAMP_ >= ? GROUP BY PROCESS_DEF_KEY_, ACT_ID_, JOB_DEF_TYPE_", since);
    }

    private Map<String, Long> grouped(String sql, Object... parameters) {
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query(sql, row -> {
            rows.put(row.getString(1), row.getLong(2));
        }, parameters);
        return rows;
    }

    private long count(String sql, Object... parameters) {
        Long count = jdbc.queryForObject(sql, Long.class, parameters);
        return count == null ? 0 : count;
    }

    /** Over both days: every communication SENT, one mail each, no Message-ID twice. */
    private void checkExactlyOnce(Properties figures) throws IOException {
        Map<String, Long> statuses = grouped("SELECT status, COUNT(*) FROM communication GROUP BY status");
        long recorded = statuses.values().stream().mapToLong(Long::longValue).sum();
        List<String> received = mail.messageIds();
        Set<String> messageIds = new HashSet<>(received);
        long distinctInDatabase = count("SELECT COUNT(DISTINCT message_id) FROM communication WHERE status = 'SENT'");
        boolean once = statuses.getOrDefault("SENT", 0L) == recorded && received.size() == recorded
                && messageIds.size() == recorded && distinctInDatabase == recorded;
        System.out.printf(Locale.ROOT, "%nexactly once, both days: %d communications recorded %s, %d mails received with %d "
                        + "distinct Message-IDs, %d distinct Message-IDs recorded: %s%n", recorded, statuses,
                received.size(), messageIds.size(), distinctInDatabase, once ? "every communication SENT exactly once" : "NOT EXACTLY ONCE");
        figures.setProperty("exactlyOnce", Boolean.toString(once));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static double number(Properties figures, String key) {
        return Double.parseDouble(figures.getProperty(key, "0"));
    }

    /** Ours against the bare engine, for the simulated day. */
    private static void compare(Properties ours, Properties bare) {
        double wall = number(ours, "wall") / number(bare, "wall");
        double oursCpu = cpu(ours);
        double bareCpu = cpu(bare);
        double oursWithoutLetters = number(ours, "cpu.jvm") * (1 - number(ours, "profile.letters"))
                + Math.max(0, number(ours, "cpu.db"));
        double bareWithoutLetters = number(bare, "cpu.jvm") * (1 - number(bare, "profile.letters"))
                + Math.max(0, number(bare, "cpu.db"));
        System.out.printf(Locale.ROOT, "%n== ours against the bare engine, simulated day %s ==%n", DAY);
        System.out.printf(Locale.ROOT, "%-52s %12s %12s %8s%n", "", "ours", "bare", "ratio");
        for (String[] row : new String[][] {
                {"cases opened", "cases.opened"}, {"cases escalated", "cases.escalated"}, {"jobs executed", "jobs"},
                {"  of CollectionCaseProcess", "jobs.CollectionCaseProcess"},
                {"  of CommunicationDeliveryProcess", "jobs.CommunicationDeliveryProcess"},
                {"  of BareDeliveryProcess", "jobs.BareDeliveryProcess"},
                {"  of PreCollectionCallProcess", "jobs.PreCollectionCallProcess"}, {"user tasks created", "tasks"},
                {"letters sent (SMTP)", "letters"}, {"wall (s)", "wall"}, {"  of which the aging run (s)", "aging"},
                {"CPU of this JVM (s)", "cpu.jvm"}, {"  of which in the kernel (s)", "cpu.jvm.kernel"},
                {"CPU of MariaDB (s)", "cpu.db"},
                {"CPU of the SMTP server's JVM, not counted (s)", "cpu.smtp"},
                {"SQL statements (select, insert, update, delete)", "sql.statements"}, {"commits", "sql.commits"},
                {"after the day: claiming a call task, median (ms)", "claim.median"},
                {"  p95 (ms)", "claim.p95"}, {"  statements per claim", "claim.statements"}}) {
            double a = number(ours, row[1]);
            double b = number(bare, row[1]);
            System.out.printf(Locale.ROOT, "%-52s %12.1f %12.1f %8s%n", row[0], a, b,
                    b == 0 ? "" : "%.2f".formatted(a / b));
        }
        System.out.printf(Locale.ROOT, "ratio of wall times: %.2f (target at most 1.5)%n", wall);
        System.out.printf(Locale.ROOT, "ratio of CPU (JVM + MariaDB): %.2f%n", oursCpu / bareCpu);
        System.out.printf(Locale.ROOT, "ratio of CPU without letter rendering and SMTP (JFR share %.0f %% ours, %.0f %% bare): %.2f%n",
                100 * number(ours, "profile.letters"), 100 * number(bare, "profile.letters"),
                oursWithoutLetters / bareWithoutLetters);
    }

    private static List<Properties> loadAll(String commaSeparatedPaths) throws IOException {
        List<Properties> all = new ArrayList<>();
        for (String path : commaSeparatedPaths.split(",")) {
            all.add(load(Path.of(path)));
        }
        return all;
    }

    private static double cpu(Properties figures) {
        return number(figures, "cpu.jvm") + Math.max(0, number(figures, "cpu.db"));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * Ours against the bare engine over several pairs: each pair's ratios, then each side's median.
     * One pair says little on a machine whose speed drifts by more than the gap being measured.
     */
    private static void comparePairs(List<Properties> ours, List<Properties> bare) {
        if (ours.size() != bare.size()) {
            throw new IllegalArgumentException(ours.size() + " runs of ours against " + bare.size() + " of bare");
        }
        System.out.printf(Locale.ROOT, "%n== ours against the bare engine, %d pairs, simulated day %s ==%n", ours.size(), DAY);
        System.out.printf(Locale.ROOT, "%-8s %10s %10s %8s %14s %14s %8s%n", "pair", "ours wall", "bare wall", "ratio",
                "ours CPU", "bare CPU", "ratio");
        List<Double> wallRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            double oursWall = number(ours.get(i), "wall");
            double bareWall = number(bare.get(i), "wall");
            wallRatios.add(oursWall / bareWall);
            cpuRatios.add(cpu(ours.get(i)) / cpu(bare.get(i)));
            System.out.printf(Locale.ROOT, "%-8d %10.1f %10.1f %8.2f %14.1f %14.1f %8.2f%n", i + 1, oursWall, bareWall,
                    wallRatios.get(i), cpu(ours.get(i)), cpu(bare.get(i)), cpuRatios.get(i));
        }
        double oursWall = median(ours.stream().map(figures -> number(figures, "wall")).toList());
        double bareWall = median(bare.stream().map(figures -> number(figures, "wall")).toList());
        double oursCpu = median(ours.stream().map(DailyJobBenchmark::cpu).toList());
        double bareCpu = median(bare.stream().map(DailyJobBenchmark::cpu).toList());
        System.out.printf(Locale.ROOT, "%-8s %10.1f %10.1f %8.2f %14.1f %14.1f %8.2f%n", "median", oursWall, bareWall,
                oursWall / bareWall, oursCpu, bareCpu, oursCpu / bareCpu);
        System.out.printf(Locale.ROOT, "ratio of the median wall times: %.2f (target at most 1.5); median of the pairs' ratios: %.2f%n",
                oursWall / bareWall, median(wallRatios));
        System.out.printf(Locale.ROOT, "ratio of the median CPU (JVM + MariaDB): %.2f; median of the pairs' ratios: %.2f%n",
                oursCpu / bareCpu, median(cpuRatios));
    }

    /** Where the samples of the day went, from the JFR recording. */
    private static final class Profile {

        private final Map<String, Long> byCategory = new LinkedHashMap<>();
        private final Map<String, Long> byThread = new TreeMap<>();
        private final Map<String, Long> topFrames = new TreeMap<>();
        private final Map<String, Long> nativeByCategory = new TreeMap<>();
        private final Map<String, Long> nativeByCaller = new TreeMap<>();
        private final Map<String, Long> blocked = new TreeMap<>();
        private final Map<String, Double> cpuByThread = new TreeMap<>();
        private final Map<String, Long> allocatedByCategory = new TreeMap<>();
        private long allocated;
        private long collections;
        private Duration pauses = Duration.ZERO;
        private long samples;
        private long letterSamples;
        private long nativeSamples;

        static Profile of(Path jfr) throws IOException {
            Profile profile = new Profile();
            int cores = Runtime.getRuntime().availableProcessors();
            for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
                String type = event.getEventType().getName();
                if (type.equals("jdk.ThreadCPULoad")) {
                    // A share of the whole machine over the last second; Java threads only (compiler
                    // threads included), so what the JVM used beyond their sum is the collector's and the VM's.
                    double seconds = (event.getFloat("user") + event.getFloat("system")) * cores;
                    profile.cpuByThread.merge(threadGroup(event.getThread("eventThread")), seconds, Double::sum);
                    continue;
                }
                if (type.equals("jdk.GarbageCollection")) {
                    profile.collections++;
                    profile.pauses = profile.pauses.plus(event.getDuration("sumOfPauses"));
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null) {
                    continue;
                }
                if (type.equals("jdk.ObjectAllocationSample")) {
                    long bytes = event.getLong("weight");
                    profile.allocated += bytes;
                    profile.allocatedByCategory.merge(category(stack.getFrames()), bytes, Long::sum);
                    continue;
                }
                if (type.equals("jdk.ThreadPark") || type.equals("jdk.JavaMonitorEnter")) {
                    profile.blocked.merge(blocker(stack.getFrames()), event.getDuration().toMillis(), Long::sum);
                    continue;
                }
                String category = category(stack.getFrames());
                if (type.equals("jdk.NativeMethodSample")) {
                    profile.nativeSamples++;
                    profile.nativeByCategory.merge(category, 1L, Long::sum);
                    profile.nativeByCaller.merge(blocker(stack.getFrames()), 1L, Long::sum);
                    continue;
                }
                profile.samples++;
                profile.byCategory.merge(category, 1L, Long::sum);
                if (category.startsWith("letter") || category.startsWith("SMTP")) {
                    profile.letterSamples++;
                }
                profile.byThread.merge(threadGroup(event.getThread("sampledThread")), 1L, Long::sum);
                if (!stack.getFrames().isEmpty()) {
                    RecordedFrame top = stack.getFrames().get(0);
                    profile.topFrames.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
                }
            }
            return profile;
        }

        private static String threadGroup(jdk.jfr.consumer.RecordedThread thread) {
            String name = thread == null ? null : thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
            return name == null ? "?" : name.replaceAll("[-_ #]?\\d+$", "");
        }

        double letterShare() {
            return samples == 0 ? 0 : (double) letterSamples / samples;
        }

        void print() {
            System.out.printf(Locale.ROOT, "%nJFR, simulated day: %d execution samples (Java code running), by what they were doing:%n", samples);
            sorted(byCategory).forEach(entry -> System.out.printf(Locale.ROOT, "  %-60s %6.1f %%%n", entry.getKey(),
                    100.0 * entry.getValue() / samples));
            System.out.println("by thread:");
            sorted(byThread).stream().limit(8).forEach(entry -> System.out.printf(Locale.ROOT, "  %-60s %6.1f %%%n",
                    entry.getKey(), 100.0 * entry.getValue() / samples));
            System.out.println("top frames:");
            sorted(topFrames).stream().limit(12).forEach(entry -> System.out.printf(Locale.ROOT, "  %-90s %6.1f %%%n",
                    entry.getKey(), 100.0 * entry.getValue() / samples));
            System.out.printf(Locale.ROOT, "%d native-method samples (threads in native code, mostly waiting on sockets):%n", nativeSamples);
            sorted(nativeByCategory).stream().limit(8).forEach(entry -> System.out.printf(Locale.ROOT, "  %-60s %6.1f %%%n",
                    entry.getKey(), 100.0 * entry.getValue() / Math.max(1, nativeSamples)));
            System.out.println("native-method samples by the innermost Encaisse method on the stack (where threads wait on MariaDB or SMTP):");
            sorted(nativeByCaller).stream().limit(8).forEach(entry -> System.out.printf(Locale.ROOT, "  %-90s %6.1f %%%n",
                    entry.getKey(), 100.0 * entry.getValue() / Math.max(1, nativeSamples)));
            System.out.println("threads parked or blocked 10 ms or more, total seconds by the innermost Encaisse method on the stack:");
            sorted(blocked).stream().limit(8).forEach(entry -> System.out.printf(Locale.ROOT, "  %-90s %8.1f s%n",
                    entry.getKey(), entry.getValue() / 1000.0));
            double javaThreads = cpuByThread.values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf(Locale.ROOT, "CPU of the JVM's Java threads (JFR ThreadCPULoad, each second): %.1f s, by thread:%n", javaThreads);
            cpuByThread.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                    .forEach(entry -> System.out.printf(Locale.ROOT, "  %-60s %8.1f s%n", entry.getKey(), entry.getValue()));
            System.out.printf(Locale.ROOT, "garbage collections: %d, %.1f s of pauses; allocated (JFR's estimate): %,d MB, by what allocated it:%n",
                    collections, pauses.toMillis() / 1000.0, allocated >> 20);
            sorted(allocatedByCategory).stream().limit(12).forEach(entry -> System.out.printf(Locale.ROOT, "  %-60s %6.1f %%%n",
                    entry.getKey(), 100.0 * entry.getValue() / Math.max(1, allocated)));
        }

        /** The innermost Encaisse frame, else the innermost frame outside the JDK. */
        private static String blocker(List<RecordedFrame> frames) {
            String outsideJdk = null;
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("org.encaisse") && !type.contains("$Proxy") && !type.contains("CGLIB")) {
                    return type + "." + frame.getMethod().getName();
                }
                if (outsideJdk == null && !type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                    outsideJdk = type + "." + frame.getMethod().getName();
                }
            }
            return outsideJdk == null ? "JDK only (idle pools, acceptors)" : outsideJdk;
        }

        private static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts) {
            return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        }

        /** Letters and SMTP wherever they are on the stack; otherwise the innermost frame outside the JDK. */
        private static String category(List<RecordedFrame> frames) {
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("com.openhtmltopdf") || type.startsWith("org.apache.pdfbox") || type.startsWith("org.apache.fontbox")) {
                    return "letter PDF (openhtmltopdf, PDFBox)";
                }
                if (type.startsWith("org.thymeleaf") || type.startsWith("org.jsoup") || type.startsWith("org.attoparser")
                        || type.startsWith("org.unbescape") || type.startsWith("org.encaisse.communication.PlainTextBody")) {
                    return "letter HTML (Thymeleaf, plain-text part)";
                }
                if (type.startsWith("jakarta.mail") || type.startsWith("org.eclipse.angus") || type.startsWith("org.springframework.mail")) {
                    return "SMTP client (Jakarta Mail)";
                }
            }
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.")) {
                    continue;
                }
                if (type.startsWith("org.mariadb")) {
                    return "JDBC driver (MariaDB)";
                }
                if (type.startsWith("com.zaxxer")) {
                    return "connection pool (Hikari)";
                }
                if (type.startsWith("org.hibernate")) {
                    return "Hibernate";
                }
                if (type.startsWith("org.apache.ibatis")) {
                    return "engine: MyBatis";
                }
                if (type.startsWith("org.camunda.bpm.dmn") || type.startsWith("org.camunda.feel") || type.startsWith("camundajar")) {
                    return "DMN";
                }
                if (type.startsWith("org.camunda.spin") || type.startsWith("com.fasterxml")) {
                    return "JSON (Spin, Jackson)";
                }
                if (type.startsWith("org.camunda.bpm.impl.juel") || type.startsWith("org.camunda.bpm.engine.impl.el")) {
                    return "engine: expressions (JUEL)";
                }
                if (type.startsWith("org.camunda")) {
                    return "engine";
                }
                if (type.startsWith("org.springframework")) {
                    return "Spring";
                }
                if (type.startsWith("org.encaisse")) {
                    return "Encaisse code";
                }
                return "other: " + type.replaceAll("^((?:[a-z0-9]+\\.){1,3}).*", "$1");
            }
            return "JDK only";
        }
    }

    private static final class Cpu {

        static final double TICKS = ProcessCpu.TICKS_PER_SECOND;
        private static final Optional<ProcessHandle> MARIADB = ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/mariadbd")
                        || command.endsWith("/mysqld")).orElse(false))
                .findFirst();

        static long jvm() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** MariaDB's user + system time in clock ticks, or -1 when its /proc entry cannot be read. */
        static long database() {
            return MARIADB.map(process -> ProcessCpu.ticks(process.pid())).orElse(-1L);
        }
    }

    /** Heap used sampled every 100 ms, live heap after each GC, and the resident set's high-water mark. */
    private static final class Memory {

        private final AtomicLong sampled = new AtomicLong();
        private final AtomicLong afterGc = new AtomicLong();

        Memory() {
            Thread sampler = new Thread(() -> {
                while (true) {
                    sampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long live = 0;
                    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (isHeap(pool.getKey())) {
                            live += pool.getValue().getUsed();
                        }
                    }
                    afterGc.accumulateAndGet(live, Math::max);
                }, null, null);
            }
        }

        private static boolean isHeap(String pool) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(bean -> bean.getName().equals(pool) && bean.getType() == MemoryType.HEAP);
        }

        void reset() {
            sampled.set(0);
            afterGc.set(0);
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            try {
                // Resets VmHWM to the current resident set (Linux).
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            } catch (IOException | RuntimeException e) {
                // Then VmHWM is the high-water mark since the start of the JVM.
            }
        }

        record Peaks(long sampled, long afterGc, long rss) {
        }

        Peaks peaks() {
            long rss = -1;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                rss = -1;
            }
            return new Peaks(sampled.get(), afterGc.get(), rss);
        }
    }
}
