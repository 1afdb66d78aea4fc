package org.encaisse.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpConnectionsTests {

    @Test
    void aLetterThatFindsEveryConnectionBusySaysSoInsteadOfWaitingForever() throws Exception {
        // A server that accepts connections and never greets: the one connection allowed stays busy opening.
        try (ServerSocket silent = new ServerSocket(0)) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch firstConnected = new CountDownLatch(1);
                threads.submit(() -> {
                    try (Socket held = silent.accept()) {
                        firstConnected.countDown();
                        try (Socket second = silent.accept()) {
                            Thread.sleep(10_000);
                        }
                    }
                    return null;
                });
                JavaMailSenderImpl settings = new JavaMailSenderImpl();
                settings.setHost("127.0.0.1");
                settings.setPort(silent.getLocalPort());
                settings.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "3000");
                settings.getJavaMailProperties().setProperty("mail.smtp.timeout", "3000");
                SmtpConnections connections = new SmtpConnections(settings, 1, Duration.ofMinutes(1),
                        Duration.ofMillis(200));
                try {
                    MimeMessage firstLetter = message(connections);
                    Future<?> first = threads.submit(() -> connections.send(firstLetter));
                    assertThat(firstConnected.await(10, TimeUnit.SECONDS)).as("the first letter reached the server")
                            .isTrue();

                    MimeMessage secondLetter = message(connections);
                    assertThatThrownBy(() -> connections.send(secondLetter))
                            .isInstanceOf(MailSendException.class)
                            .hasMessageContaining("No SMTP connection within PT0.2S: all 1 busy");
                    assertThat(first.isDone()).as("the first letter is still waiting for the server's greeting")
                            .isFalse();
                } finally {
                    connections.destroy();
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static MimeMessage message(SmtpConnections connections) throws Exception {
        MimeMessage message = connections.newMessage();
        message.setFrom(new InternetAddress("recouvrement@encaisse.example"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("compta@client.example"));
        message.setText("Rappel");
        return message;
    }
}
