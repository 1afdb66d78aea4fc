package org.encaisse.collection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) in a JVM of its own, started by the daily-job benchmark so that
 * the CPU and heap it measures are Encaisse's alone: in production the mail server is another
 * machine, and GreenMail keeping every message with its PDF cost the measured JVM 13.5 % of its
 * samples and most of its live heap at full size. The parent talks to it over the child's
 * standard streams: the child prints {@code port N} once listening, answers {@code ids} with one
 * Message-ID per line received so far and then {@code end}, and stops on {@code stop} or when its
 * input closes (the parent died).
 */
final class SmtpSink implements AutoCloseable {

    private final Process process;
    private final BufferedReader replies;
    private final PrintWriter requests;
    private final int port;

    private SmtpSink(Process process) throws IOException {
        this.process = process;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = replies.readLine();
        if (first == null || !first.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("the SMTP server's JVM did not start (it printed " + first + ")");
        }
        this.port = Integer.parseInt(first.substring("port ".length()));
    }

    static SmtpSink start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx1536m", "-cp", System.getProperty("java.class.path"),
                SmtpSink.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new SmtpSink(process);
    }

    int port() {
        return port;
    }

    /** The Message-ID of every mail received since the start, one per mail (a mail sent twice shows twice). */
    List<String> messageIds() throws IOException {
        requests.println("ids");
        List<String> ids = new ArrayList<>();
        for (String line = replies.readLine(); !"end".equals(line); line = replies.readLine()) {
            if (line == null) {
                throw new IOException("the SMTP server's JVM ended while listing its messages");
            }
            ids.add(line);
        }
        return ids;
    }

    /** User + system CPU of the server's JVM in clock ticks, or -1 when /proc cannot tell. */
    long cpuTicks() {
        return ProcessCpu.ticks(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        requests.println("stop");
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException, MessagingException {
        // Standard output is the channel to the parent: a log line there would fill the pipe, which the parent
        // reads only when it asks, and block the server; logs go to standard error, warnings only.
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        out.println("port " + mail.getSmtp().getPort());
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
                if (line.equals("ids")) {
                    for (MimeMessage message : mail.getReceivedMessages()) {
                        out.println(message.getMessageID());
                    }
                    out.println("end");
                    out.flush();
                }
            }
        } finally {
            mail.stop();
        }
    }
}
