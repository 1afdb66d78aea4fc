package org.encaisse.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.MailCatcher;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment recorded while the reminder job of the same customer runs: whatever the interleaving,
 * no reminder reaches the SMTP server for an invoice whose payment has committed. The real mail
 * sender is watched at the moment it hands a letter over: it asks the database, on a connection of
 * its own, whether the payment of that customer is committed yet.
 */
@EncaisseTest
class LetterPaymentRaceTests {

    @MockitoSpyBean
    SmtpConnections mailSender;

    @Autowired
    Api api;

    @Autowired
    CommunicationLog log;

    @Autowired
    Communications communications;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    /** Three at a time: a delivery holds three connections (the job, its own transaction, the watcher). */
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aPaymentArrivingWhileTheReminderIsAtTheSmtpServerCommitsOnlyAfterTheMailWent() throws Exception {
        Debtor debtor = debtor();
        Communication reminder = record(debtor);
        CountDownLatch atSmtpServer = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Queue<String> paidWhenHandedOver = new ConcurrentLinkedQueue<>();
        doAnswer(send -> {
            atSmtpServer.countDown();
            letGo.await(30, TimeUnit.SECONDS);
            if (paymentCommitted(debtor.bankReference())) {
                paidWhenHandedOver.add(debtor.customer());
            }
            return send.callRealMethod();
        }).when(mailSender).send(any(MimeMessage.class));

        Future<?> job = threads.submit(() -> management.executeJob(deliveryJob(reminder).getId()));
        assertThat(atSmtpServer.await(30, TimeUnit.SECONDS)).isTrue();
        Future<ResponseEntity<JsonNode>> payment = threads.submit(() -> pay(debtor));
        boolean paymentReturnedWhileTheLetterWasInFlight = returnsWithin(payment, 700);
        letGo.countDown();

        job.get(60, TimeUnit.SECONDS);
        assertThat(payment.get(60, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(201);
        assertThat(paymentReturnedWhileTheLetterWasInFlight).isFalse();
        assertThat(paidWhenHandedOver).isEmpty();
        assertThat(MailCatcher.receivedBy(Api.emailOf(debtor.customer()))).hasSize(1);
        assertThat(communications.findById(reminder.getId()).get().getStatus()).isEqualTo(Communication.Status.SENT);
    }

    @Test
    void reminderJobsAndPaymentsOfTheSameCustomersRacingSendNothingForAnInvoicePaidBefore() throws Exception {
        Map<String, Debtor> byEmail = new ConcurrentHashMap<>();
        List<Communication> reminders = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Debtor debtor = debtor();
            byEmail.put(Api.emailOf(debtor.customer()), debtor);
            reminders.add(record(debtor));
        }
        Queue<String> paidWhenHandedOver = new ConcurrentLinkedQueue<>();
        doAnswer(send -> {
            MimeMessage message = send.getArgument(0);
            Debtor debtor = byEmail.get(((InternetAddress) message.getAllRecipients()[0]).getAddress());
            if (paymentCommitted(debtor.bankReference())) {
                paidWhenHandedOver.add(debtor.customer());
            }
            return send.callRealMethod();
        }).when(mailSender).send(any(MimeMessage.class));

        List<Future<?>> jobs = new ArrayList<>();
        List<Future<ResponseEntity<JsonNode>>> payments = new ArrayList<>();
        for (Communication reminder : reminders) {
            String jobId = deliveryJob(reminder).getId();
            Debtor debtor = byEmail.values().stream()
                    .filter(candidate -> candidate.customerId().equals(reminder.getCustomerId())).findFirst().orElseThrow();
            jobs.add(threads.submit(() -> {
                pauseUpTo(30);
                management.executeJob(jobId);
            }));
            payments.add(threads.submit(() -> {
                pauseUpTo(30);
                return pay(debtor);
            }));
        }
        for (Future<?> job : jobs) {
            job.get(120, TimeUnit.SECONDS);
        }
        for (Future<ResponseEntity<JsonNode>> payment : payments) {
            assertThat(payment.get(120, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(201);
        }

        assertThat(paidWhenHandedOver).isEmpty();
        for (Communication reminder : reminders) {
            Communication.Status status = communications.findById(reminder.getId()).get().getStatus();
            assertThat(status).isIn(Communication.Status.SENT, Communication.Status.DROPPED);
        }
        for (Debtor debtor : byEmail.values()) {
            assertThat(MailCatcher.receivedBy(Api.emailOf(debtor.customer()))).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(runtime.createIncidentQuery().processDefinitionKeyIn(DeliveryProcess.PROCESS).count()).isZero();
    }

    record Debtor(String customer, Long customerId, String invoice, String bankReference) {
    }

    /** One overdue invoice of 900 EUR, paid in full by the racing payment. */
    private Debtor debtor() {
        String customer = api.customer();
        LocalDate today = ParisDate.today();
        String invoice = api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "900.00");
        return new Debtor(customer, customers.get(customer).getId(), invoice, Api.unique("VIR"));
    }

    private Communication record(Debtor debtor) {
        String key = Api.unique("case") + "/" + CommunicationStep.FIRST_REMINDER;
        return transaction.execute(status -> log.record(key, null, debtor.customerId(),
                CommunicationStep.FIRST_REMINDER)).orElseThrow();
    }

    private ResponseEntity<JsonNode> pay(Debtor debtor) {
        return api.post("/api/payments", """
                {"bankReference": "%s", "customerExternalId": "%s", "date": "%s", "amount": 900.00,
                 "currency": "EUR", "invoiceNumbers": ["%s"]}""".formatted(debtor.bankReference(), debtor.customer(),
                ParisDate.today(), debtor.invoice()));
    }

    private Job deliveryJob(Communication communication) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(DeliveryProcess.PROCESS)
                .variableValueEquals(DeliveryProcess.COMMUNICATION_ID, communication.getId()).singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).singleResult();
    }

    /** Outside every transaction of the application: sees what has committed, nothing else. */
    private boolean paymentCommitted(String bankReference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM payment WHERE bank_reference = ?")) {
            query.setString(1, bankReference);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) > 0;
            }
        }
    }

    private static boolean returnsWithin(Future<?> future, long millis) throws Exception {
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillWaiting) {
            return false;
        }
    }

    private static void pauseUpTo(int millis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(millis));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
