package org.encaisse.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.encaisse.support.ParisDate;
import org.encaisse.support.TestDatabase;

/**
 * Two Encaisse nodes on one MariaDB database drive {@code cases} collection cases through
 * reminder 1 and reminder 2, their job executors sharing the work; optionally one node is killed
 * (SIGKILL) half-way through the first reminders and restarted. Reports what every party saw: the
 * SMTP server (GreenMail, in this JVM), the communications, the engine's jobs and incidents, the
 * audit chain. {@link ClusterTests} runs it small in the build; {@code bench/cluster.sh} runs it at
 * 10,000 cases and prints the report.
 */
final class ClusterRun {

    record Report(int cases, String kill, long firstRemindersSent, long secondRemindersSent, long notSent,
                  int messagesReceived, int distinctMessageIds, int resentWithSameMessageId, int unknownMessageIds,
                  int customersNotGettingTwo, long incidents, long executableJobsLeft, long jobsWithoutRetries,
                  long openCallTasks, boolean auditChainIntact, long auditEntries, Duration levelOne, Duration levelTwo,
                  Duration total) {

        String describe() {
            return """
                    cases: %d; node b killed: %s
                    first reminders sent: %d, second reminders sent: %d, communications not SENT: %d
                    SMTP: %d messages, %d distinct Message-IDs, %d re-sent with the same Message-ID, %d unknown ids, \
                    %d customers without exactly two letters
                    engine: %d incidents, %d executable jobs left, %d jobs out of retries, %d call tasks open
                    audit chain intact: %s (%d entries)
                    level 1: %.1f s, level 2: %.1f s, whole run: %.1f s (%.1f letters/s over both levels)"""
                    .formatted(cases, kill, firstRemindersSent, secondRemindersSent, notSent, messagesReceived,
                            distinctMessageIds, resentWithSameMessageId, unknownMessageIds, customersNotGettingTwo,
                            incidents, executableJobsLeft, jobsWithoutRetries, openCallTasks, auditChainIntact,
                            auditEntries, levelOne.toMillis() / 1000.0, levelTwo.toMillis() / 1000.0,
                            total.toMillis() / 1000.0,
                            (firstRemindersSent + secondRemindersSent) * 1000.0 / Math.max(1, levelOne.plus(levelTwo).toMillis()));
        }
    }

    private static final int CHUNK = 500;

    private final String serverUrl;
    private final String database;
    private final String user;
    private final String password;
    private final Path jar;
    private final Path logs;
    private String databaseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param serverUrl a MariaDB JDBC URL; the run replaces its database with {@code database}, created afresh */
    ClusterRun(String serverUrl, String database, String user, String password, Path jar, Path logs) {
        this.serverUrl = serverUrl;
        this.database = database;
        this.user = user;
        this.password = password;
        this.jar = jar;
        this.logs = logs;
        // GreenMail logs every new mailbox; thousands of them would drown the report.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    Report run(int cases, boolean killOneNode) throws Exception {
        databaseUrl = TestDatabase.recreate(serverUrl, user, password, database);
        String url = databaseUrl;
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Node a = new Node("a", jar, logs, url, smtp.getSmtp().getPort());
        Node b = new Node("b", jar, logs, url, smtp.getSmtp().getPort());
        try {
            // One after the other: the first creates the schema and deploys, the second finds them.
            a.start();
            b.start();
            Instant start = Instant.now();
            load(a, cases);
            // The aging run answers once every customer is reviewed, while both job executors already send the
            // first reminders: waiting for its answer first would put the kill after most of them.
            CompletableFuture<Void> agingRun = CompletableFuture.runAsync(() -> {
                try {
                    post(a, "/api/aging-runs", "");
                } catch (IOException | InterruptedException e) {
                    throw new CompletionException(e);
                }
            });
            Duration patience = Duration.ofSeconds(120 + cases / 2);
            String kill = "no";
            if (killOneNode) {
                awaitCount(() -> sent("FIRST_REMINDER"), cases / 2, patience, "half of the first reminders");
                kill = "with %d of %d first reminders sent, %d letters being sent, the aging run %s".formatted(
                        sent("FIRST_REMINDER"), cases, count("SELECT COUNT(*) FROM communication WHERE status = 'SENDING'"),
                        agingRun.isDone() ? "over" : "still going");
                b.kill();
                b.start();
            }
            agingRun.join();
            awaitCount(() -> sent("FIRST_REMINDER"), cases, patience, "every first reminder");
            awaitCount(() -> count("SELECT COUNT(*) FROM ACT_RU_JOB J JOIN ACT_RU_EXECUTION E ON E.ID_ = J.EXECUTION_ID_"
                    + " WHERE J.TYPE_ = 'timer' AND E.ACT_ID_ = 'Event_SecondReminderDue'"), cases, patience,
                    "every case waiting for its second reminder");
            Instant levelOneDone = Instant.now();
            bringSecondRemindersForward(List.of(a, b));
            awaitCount(() -> sent("SECOND_REMINDER"), cases, patience, "every second reminder");
            awaitCount(this::openCallTasks, cases, patience, "every collector's call");
            awaitCount(() -> cases - executableJobs(), cases, patience, "no executable job left");
            Instant levelTwoDone = Instant.now();
            return report(cases, kill, smtp, a, Duration.between(start, levelOneDone),
                    Duration.between(levelOneDone, levelTwoDone), Duration.between(start, levelTwoDone));
        } finally {
            a.stop();
            b.stop();
            smtp.stop();
        }
    }

    /** Customers with one contact each and one invoice 40 days overdue, through the API in chunks. */
    private void load(Node node, int cases) throws IOException, InterruptedException {
        LocalDate today = ParisDate.today();
        for (int from = 0; from < cases; from += CHUNK) {
            StringBuilder customers = new StringBuilder("[");
            StringBuilder invoices = new StringBuilder("[");
            for (int i = from; i < Math.min(cases, from + CHUNK); i++) {
                String separator = i == from ? "" : ",";
                customers.append(separator).append("""
                        {"externalId": "K%06d", "name": "Client %d SAS", "contacts": [
                          {"role": "ACCOUNTS_PAYABLE", "name": "Compta", "email": "%s"}]}""".formatted(i, i, emailOf(i)));
                invoices.append(separator).append("""
                        {"number": "FK%06d", "customerExternalId": "K%06d", "issueDate": "%s", "dueDate": "%s",
                         "amount": %d.00, "currency": "EUR"}""".formatted(i, i, today.minusDays(70), today.minusDays(40),
                        500 + i % 5000));
            }
            post(node, "/api/customers", customers.append(']').toString());
            post(node, "/api/invoices", invoices.append(']').toString());
        }
    }

    private static String emailOf(int customer) {
        return "compta@k%06d.example.fr".formatted(customer);
    }

    /**
     * What an operator does in Cockpit to run a timer now: each case's reminder-2 timer gets a due
     * date of now, over the REST API of both nodes; their job executors then race for them.
     */
    private void bringSecondRemindersForward(List<Node> nodes) throws Exception {
        List<String> timers = new ArrayList<>();
        try (Connection connection = connect(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT J.ID_ FROM ACT_RU_JOB J JOIN ACT_RU_EXECUTION E"
                     + " ON E.ID_ = J.EXECUTION_ID_ WHERE J.TYPE_ = 'timer' AND E.ACT_ID_ = 'Event_SecondReminderDue'")) {
            while (rows.next()) {
                timers.add(rows.getString(1));
            }
        }
        String now = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date());
        ExecutorService operators = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> moves = new ArrayList<>();
            for (int i = 0; i < timers.size(); i++) {
                Node node = nodes.get(i % nodes.size());
                String timer = timers.get(i);
                moves.add(operators.submit(() -> {
                    send(node, "PUT", "/engine-rest/job/" + timer + "/duedate", "{\"duedate\": \"" + now + "\"}");
                    return null;
                }));
            }
            for (Future<?> move : moves) {
                move.get();
            }
        } finally {
            operators.shutdown();
        }
    }

    private Report report(int cases, String kill, GreenMail smtp, Node node, Duration levelOne, Duration levelTwo,
                          Duration total) throws Exception {
        Map<String, Integer> byMessageId = new HashMap<>();
        Map<String, Set<String>> idsByRecipient = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            byMessageId.merge(message.getMessageID(), 1, Integer::sum);
            idsByRecipient.computeIfAbsent(recipientOf(message), recipient -> new HashSet<>()).add(message.getMessageID());
        }
        Set<String> recorded = new HashSet<>();
        try (Connection connection = connect(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT id FROM communication")) {
            while (rows.next()) {
                recorded.add("<communication-" + rows.getLong(1) + "@encaisse.example>");
            }
        }
        int resent = byMessageId.values().stream().mapToInt(times -> times - 1).sum();
        int unknown = (int) byMessageId.keySet().stream().filter(id -> !recorded.contains(id)).count();
        int notTwo = 0;
        for (int i = 0; i < cases; i++) {
            if (idsByRecipient.getOrDefault(emailOf(i), Set.of()).size() != 2) {
                notTwo++;
            }
        }
        String verdict = get(node, "/api/audit/verification");
        return new Report(cases, kill, sent("FIRST_REMINDER"), sent("SECOND_REMINDER"),
                count("SELECT COUNT(*) FROM communication WHERE status <> 'SENT'"), smtp.getReceivedMessages().length,
                byMessageId.size(), resent, unknown, notTwo, count("SELECT COUNT(*) FROM ACT_RU_INCIDENT"),
                executableJobs(), count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0"), openCallTasks(),
                verdict.contains("\"intact\":true"), Long.parseLong(verdict.replaceAll(".*\"entries\":(\\d+).*", "$1")),
                levelOne, levelTwo, total);
    }

    private static String recipientOf(MimeMessage message) throws MessagingException {
        return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
    }

    private long sent(String step) {
        return count("SELECT COUNT(*) FROM communication WHERE status = 'SENT' AND step = '" + step + "'");
    }

    private long openCallTasks() {
        return count("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_CallCustomer'");
    }

    /** Jobs a job executor would take now: due, with retries, not suspended. */
    private long executableJobs() {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1"
                        + " AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)")) {
            query.setTimestamp(1, Timestamp.from(Instant.now()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        try (Connection connection = connect(); Statement query = connection.createStatement();
             ResultSet result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCount(LongSupplier count, long expected, Duration patience, String what)
            throws InterruptedException {
        Instant until = Instant.now().plus(patience);
        long seen = -1;
        while (Instant.now().isBefore(until)) {
            seen = count.getAsLong();
            if (seen >= expected) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Waited " + patience + " for " + what + ": " + seen + " of " + expected);
    }

    private void post(Node node, String path, String json) throws IOException, InterruptedException {
        send(node, "POST", path, json);
    }

    private void send(Node node, String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(authenticated(node, path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " on node " + node.name() + ": " + answer.statusCode()
                    + " " + answer.body());
        }
    }

    private String get(Node node, String path) throws IOException, InterruptedException {
        return http.send(authenticated(node, path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** An hour: the aging run answers when every customer is reviewed, about six minutes for 10,000 cases. */
    private static HttpRequest.Builder authenticated(Node node, String path) {
        return HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofMinutes(60)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((Node.ADMIN + ":" + Node.ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, user, password);
    }


    /** bench/cluster.sh: {@code <server JDBC URL> <jar> <cases> <kill: true|false>} */
    public static void main(String[] args) throws Exception {
        ClusterRun run = new ClusterRun(args[0], "encaisse_cluster", "root", "", Path.of(args[1]),
                Path.of("target", "cluster"));
        Report report = run.run(Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]));
        System.out.println(report.describe());
    }
}
