package org.encaisse.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port the application is pointed at.
 * Tests take it down and bring it back on the same port to play an outage.
 */
public class MailCatcher implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;
    private static int port;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mail-catcher", Map.of(
                "spring.mail.host", "127.0.0.1", "spring.mail.port", port)));
    }

    private static synchronized void start() {
        if (server != null) {
            return;
        }
        if (port == 0) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        } else {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }
        server.start();
        port = server.getSmtp().getPort();
    }

    /** Every message received since the last {@link #clear()}. */
    public static List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.asList(server.getReceivedMessagesForDomain(address));
    }

    public static synchronized void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SMTP outage: connections to the port are refused until {@link #up()}. */
    public static synchronized void down() {
        server.stop();
        server = null;
    }

    public static synchronized void up() {
        start();
    }
}
