package org.encaisse.communication;

import jakarta.mail.MessagingException;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server's state, as a detail of the application's health that never takes it down: a letter
 * whose server is unreachable waits and retries on its own cycle (CommunicationDeliveryProcess), so an
 * orchestrator that restarts unhealthy nodes must not restart them all while the mail relay is down.
 * Named {@code mailHealthIndicator} so that it stands in for Spring Boot's, which answers DOWN.
 */
@Component("mailHealthIndicator")
class MailServerHealth extends AbstractHealthIndicator {

    /** Ordered after UP in management.endpoint.health.status.order, and answered with 200. */
    static final Status UNREACHABLE = new Status("UNREACHABLE",
            "letters wait and their delivery retries until the server answers");

    private final JavaMailSenderImpl mail;

    MailServerHealth(JavaMailSenderImpl mail) {
        super("The SMTP server could not be checked");
        this.mail = mail;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.withDetail("location", mail.getHost() + ":" + mail.getPort());
        try {
            mail.testConnection();
            health.up();
        } catch (MessagingException unreachable) {
            health.status(UNREACHABLE).withDetail("error", String.valueOf(unreachable.getMessage()));
        }
    }
}
