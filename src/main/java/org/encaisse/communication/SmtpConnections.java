package org.encaisse.communication;

import java.time.Duration;
import java.util.Date;
import java.util.NoSuchElementException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * SMTP connections kept open from one letter to the next. {@link JavaMailSenderImpl#send} opens one
 * for every message: a TCP handshake, the server's greeting, EHLO (STARTTLS and AUTH where set) and
 * QUIT, around a single MAIL FROM, for each of the day's thousands of letters, on both sides.
 * <p>
 * A connection is asked NOOP before it carries a letter (the server may have closed it, or restarted
 * since): one round trip instead of opening and closing a connection. One on which a send failed is
 * closed, never lent again: after an error its SMTP transaction is in a state nobody knows. Idle
 * connections are closed after {@code idle-timeout}, before a server's own timeout would (five
 * minutes for Postfix, RFC 5321's minimum).
 * The server, port, credentials and {@code mail.smtp.*} properties stay those of {@code spring.mail}.
 */
@Component
class SmtpConnections implements DisposableBean {

    private final JavaMailSenderImpl settings;
    private final GenericObjectPool<Transport> pool;

    SmtpConnections(JavaMailSenderImpl settings,
                    @Value("${encaisse.mail.connections.max}") int max,
                    @Value("${encaisse.mail.connections.idle-timeout}") Duration idleTimeout,
                    @Value("${encaisse.mail.connections.wait}") Duration wait) {
        this.settings = settings;
        GenericObjectPoolConfig<Transport> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(max);
        config.setMaxIdle(max);
        config.setMaxWait(wait);
        config.setTestOnBorrow(true);
        config.setMinEvictableIdleDuration(idleTimeout);
        config.setTimeBetweenEvictionRuns(idleTimeout.dividedBy(2));
        // Several application contexts share a JVM in the tests; nothing reads these figures over JMX.
        config.setJmxEnabled(false);
        this.pool = new GenericObjectPool<>(new Connector(), config);
    }

    /** A message of this server's mail session. */
    MimeMessage newMessage() {
        return settings.createMimeMessage();
    }

    /**
     * Hands the message to the SMTP server, as {@link JavaMailSenderImpl#send(MimeMessage)} would: the
     * date it was sent set, the headers saved, and a Message-ID set by the caller kept.
     */
    void send(MimeMessage message) throws MailException {
        Transport transport = borrow();
        boolean sent = false;
        try {
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            String messageId = message.getMessageID();
            // Saving gives the message a new Message-ID of Jakarta Mail's making: the caller's is the one that counts.
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
            transport.sendMessage(message, message.getAllRecipients());
            sent = true;
        } catch (MessagingException e) {
            throw new MailSendException("The SMTP server did not take the message: " + e.getMessage(), e);
        } finally {
            release(transport, sent);
        }
    }

    private Transport borrow() {
        try {
            return pool.borrowObject();
        } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        } catch (NoSuchElementException e) {
            throw new MailSendException("No SMTP connection within " + pool.getMaxWaitDuration() + ": all "
                    + pool.getMaxTotal() + " busy (ENCAISSE_MAIL_CONNECTIONS), or a new one failed its NOOP: "
                    + e.getMessage(), e);
        } catch (Exception e) {
            throw new MailSendException("Mail server connection failed: " + e.getMessage(), e);
        }
    }

    private void release(Transport transport, boolean reusable) {
        if (reusable) {
            pool.returnObject(transport);
            return;
        }
        try {
            pool.invalidateObject(transport);
        } catch (Exception closeFailed) {
            // The connection is already broken; the send's own failure is the one to report.
        }
    }

    /** Connections opened since start-up. */
    long opened() {
        return pool.getCreatedCount();
    }

    @Override
    public void destroy() {
        pool.close();
    }

    /** Opens connections with the settings of {@code spring.mail}, as {@link JavaMailSenderImpl} would. */
    private final class Connector extends BasePooledObjectFactory<Transport> {

        @Override
        public Transport create() throws MessagingException {
            Session session = settings.getSession();
            String protocol = settings.getProtocol();
            if (protocol == null) {
                // What JavaMailSenderImpl falls back to when spring.mail.protocol is not set.
                protocol = session.getProperty("mail.transport.protocol");
            }
            Transport transport = session.getTransport(
                    protocol == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : protocol);
            String username = settings.getUsername();
            String password = settings.getPassword();
            if ("".equals(username)) {
                username = null;
                password = "".equals(password) ? null : password;
            }
            transport.connect(settings.getHost(), settings.getPort(), username, password);
            return transport;
        }

        @Override
        public PooledObject<Transport> wrap(Transport transport) {
            return new DefaultPooledObject<>(transport);
        }

        /** NOOP on the wire: false once the server has closed the connection or answers 421. */
        @Override
        public boolean validateObject(PooledObject<Transport> connection) {
            return connection.getObject().isConnected();
        }

        @Override
        public void destroyObject(PooledObject<Transport> connection) throws MessagingException {
            connection.getObject().close();
        }
    }
}
