package org.encaisse.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.MailBody;
import org.encaisse.support.MailCatcher;
import org.encaisse.support.ParisDate;
import org.encaisse.support.PdfText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** Letters leave by SMTP (GreenMail) once per communication, whatever retries, races and outages do. */
@EncaisseTest
class CommunicationDeliveryTests {

    @Autowired
    Api api;

    @Autowired
    CommunicationLog log;

    @Autowired
    CommunicationDelivery delivery;

    @Autowired
    Communications communications;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    SmtpWriteTimeouts writeTimeouts;

    @Autowired
    SmtpConnections connections;

    @AfterEach
    void restore() {
        MailCatcher.up();
        ClockUtil.reset();
    }

    @Test
    void sendsOneEmailToTheContactWithTheReminderInItsBody() throws Exception {
        Chased chased = chasedCustomer();
        Communication reminder = record(chased, CommunicationStep.FIRST_REMINDER);

        String instance = runDeliveryJob(reminder);

        List<MimeMessage> mails = MailCatcher.receivedBy(Api.emailOf(chased.customer()));
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).startsWith("Rappel : factures échues").contains("Client " + chased.customer() + " SAS");
        assertThat(mail.getMessageID()).isEqualTo("<communication-" + reminder.getId() + "@encaisse.example>");
        assertThat(MailBody.attachments(mail)).as("a friendly reminder is read in the mail, not in a file").isEmpty();
        String letter = MailBody.text(mail);
        assertThat(letter).contains(chased.old(), chased.recent(), "1 200,00 €", "300,00 €", "1 500,00 €",
                "Rappel de factures échues", "ENC-" + chased.customer() + "-" + reminder.getId(), "Madame, Monsieur");
        assertThat(letter).doesNotContain("Indemnité forfaitaire");
        // A client without HTML shows the same letter, a line per paragraph and per invoice.
        List<String> lines = MailBody.plain(mail).lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(chased.old()).contains("1 200,00 €"))
                .anySatisfy(line -> assertThat(line).startsWith(chased.recent()).contains("300,00 €"))
                .contains("Madame, Monsieur,")
                .noneSatisfy(line -> assertThat(line).contains("Indemnité forfaitaire"));

        JsonNode listed = api.get("/api/customers/" + chased.customer() + "/communications").getBody().get(0);
        assertThat(listed.get("status").asText()).isEqualTo("SENT");
        assertThat(listed.get("attempts").asInt()).isEqualTo(1);
        assertThat(listed.get("messageId").asText()).isEqualTo(mail.getMessageID());
        ResponseEntity<byte[]> stored = api.as(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity(listed.get("document").asText(), byte[].class);
        assertThat(stored.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(stored.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(new String(stored.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                .as("the document kept is the body that went out (SMTP carries its lines as CRLF)")
                .isEqualToNormalizingNewlines(MailBody.html(mail));
        assertThat(stored.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(stored.getBody())));
        assertThat(api.get("/api/invoices/" + chased.old() + "/communications").getBody())
                .extracting(node -> node.get("id").asLong()).containsExactly(reminder.getId());
        assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_CommunicationSent")
                .processInstanceId(instance).count()).isEqualTo(1);
    }

    @Test
    void sendsARegisteredLetterAsAPdfAttachedToItsEmail() throws Exception {
        Chased chased = chasedCustomer();
        Communication letter = record(chased, CommunicationStep.FIRM_LETTER);

        runDeliveryJob(letter);

        MimeMessage mail = MailCatcher.receivedBy(Api.emailOf(chased.customer())).get(0);
        assertThat(MailBody.attachments(mail)).containsExactly("firm-letter-ENC-" + chased.customer() + "-"
                + letter.getId() + ".pdf");
        assertThat(MailBody.transferEncodings(mail)).as("the text in quoted-printable, the letter in base64")
                .containsExactly("text/plain quoted-printable", "text/html quoted-printable", "application/pdf base64");
        assertThat(MailBody.text(mail)).contains("Veuillez trouver ci-joint", "ENC-" + chased.customer() + "-"
                + letter.getId());
        assertThat(PdfText.of(PdfText.attachedTo(mail))).contains(chased.old(), chased.recent(), "Indemnité forfaitaire");
        JsonNode listed = api.get("/api/customers/" + chased.customer() + "/communications").getBody().get(0);
        ResponseEntity<byte[]> stored = api.as(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity(listed.get("document").asText(), byte[].class);
        assertThat(stored.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(stored.getBody()).isEqualTo(PdfText.attachedTo(mail));
    }

    @Test
    void everyConnectionTimesItsWritesOnOneSharedThread() {
        Chased chased = chasedCustomer();
        runDeliveryJob(record(chased, CommunicationStep.FIRST_REMINDER));

        assertThat(MailCatcher.receivedBy(Api.emailOf(chased.customer()))).hasSize(1);
        assertThat(mailSender.getSession().getProperties().get(SmtpWriteTimeouts.EXECUTOR_PROPERTY))
                .isSameAs(writeTimeouts.timer());
        assertThat(((ThreadPoolExecutor) writeTimeouts.timer()).getPoolSize())
                .as("the mail's writes were timed on the shared timer, which starts its thread on the first").isEqualTo(1);
    }

    @Test
    void lettersSentOneAfterTheOtherGoOverOneConnection() {
        List<Chased> chased = List.of(chasedCustomer(), chasedCustomer(), chasedCustomer());
        List<Communication> reminders = chased.stream().map(each -> record(each, CommunicationStep.FIRST_REMINDER)).toList();
        long openedBefore = connections.opened();

        for (Communication reminder : reminders) {
            assertThat(delivery.deliver(reminder.getId())).isEqualTo(CommunicationDelivery.Outcome.SENT);
        }

        for (Chased each : chased) {
            assertThat(MailCatcher.receivedBy(Api.emailOf(each.customer()))).hasSize(1);
        }
        assertThat(connections.opened() - openedBefore).as("connections opened for three letters").isLessThanOrEqualTo(1);
    }

    @Test
    void aConnectionTheServerClosedMeanwhileIsReplacedWithoutTheLetterFailing() {
        Chased first = chasedCustomer();
        Chased second = chasedCustomer();
        Communication before = record(first, CommunicationStep.FIRST_REMINDER);
        Communication after = record(second, CommunicationStep.FIRST_REMINDER);
        delivery.deliver(before.getId());
        long openedBefore = connections.opened();

        // A restart of the mail server: it drops the connection kept open since the first letter.
        MailCatcher.down();
        MailCatcher.up();

        assertThat(delivery.deliver(after.getId())).isEqualTo(CommunicationDelivery.Outcome.SENT);
        assertThat(MailCatcher.receivedBy(Api.emailOf(second.customer()))).hasSize(1);
        Communication sent = communications.findById(after.getId()).get();
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getLastError()).isNull();
        assertThat(connections.opened() - openedBefore).isEqualTo(1);
    }

    @Test
    void aSenderRunningAgainAfterTheMailWentSendsNothing() {
        Chased chased = chasedCustomer();
        Communication reminder = record(chased, CommunicationStep.SECOND_REMINDER);
        runDeliveryJob(reminder);

        // What a job retried after an optimistic-locking failure, or run by a second node, does.
        assertThat(delivery.deliver(reminder.getId())).isEqualTo(CommunicationDelivery.Outcome.SENT);
        assertThat(delivery.deliver(reminder.getId())).isEqualTo(CommunicationDelivery.Outcome.SENT);

        assertThat(MailCatcher.receivedBy(Api.emailOf(chased.customer()))).hasSize(1);
        assertThat(communications.findById(reminder.getId()).get().getAttempts()).isEqualTo(1);
    }

    @Test
    void aSenderHoldingTheLetterMakesAnotherGiveUpAtOnceAndOneThatDiesHoldsNothing() throws Exception {
        Chased chased = chasedCustomer();
        Communication reminder = record(chased, CommunicationStep.FIRST_REMINDER);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch die = new CountDownLatch(1);
        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            // A sender on another node has the letter's row, then dies: its connection goes, its transaction rolls back.
            Future<?> sender = node.submit(() -> transaction.executeWithoutResult(status -> {
                communications.lockById(reminder.getId()).orElseThrow();
                held.countDown();
                awaitQuietly(die);
                status.setRollbackOnly();
            }));
            held.await();
            long before = System.nanoTime();
            assertThatThrownBy(() -> delivery.deliver(reminder.getId()))
                    .isInstanceOf(DeliveryFailedException.class).hasMessageContaining("being sent by another sender");
            // NOWAIT: the job thread does not sit out the database's lock timeout (50 s on MariaDB).
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - before)).isLessThan(java.time.Duration.ofSeconds(10));
            assertThat(communications.findById(reminder.getId()).get().getStatus())
                    .isEqualTo(Communication.Status.PENDING);

            die.countDown();
            sender.get();
        } finally {
            node.shutdown();
        }
        assertThat(delivery.deliver(reminder.getId())).isEqualTo(CommunicationDelivery.Outcome.SENT);
        assertThat(MailCatcher.receivedBy(Api.emailOf(chased.customer()))).hasSize(1);
        assertThat(communications.findById(reminder.getId()).get().getAttempts()).isEqualTo(1);
    }

    @Test
    void aClaimCommittedByAnEarlierVersionIsRespectedUntilItExpires() {
        Chased chased = chasedCustomer();
        Communication reminder = record(chased, CommunicationStep.FIRST_REMINDER);
        Instant now = Instant.now();
        // What a sender of the earlier design committed before reaching the SMTP server (a rolling upgrade).
        jdbc.update("UPDATE communication SET status = 'SENDING', claimed_until = ?, attempts = 1 WHERE id = ?",
                java.sql.Timestamp.from(now.plusSeconds(300)), reminder.getId());

        assertThatThrownBy(() -> delivery.deliver(reminder.getId()))
                .isInstanceOf(DeliveryFailedException.class).hasMessageContaining("being sent by another sender until");
        assertThat(MailCatcher.receivedBy(Api.emailOf(chased.customer()))).isEmpty();

        ClockUtil.setCurrentTime(java.util.Date.from(now.plusSeconds(301)));
        assertThat(delivery.deliver(reminder.getId())).isEqualTo(CommunicationDelivery.Outcome.SENT);
        assertThat(MailCatcher.receivedBy(Api.emailOf(chased.customer()))).hasSize(1);
        Communication sent = communications.findById(reminder.getId()).get();
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getClaimedUntil()).isNull();
    }

    @Test
    void twoConcurrentSendersSendOneMail() throws Exception {
        Chased chased = chasedCustomer();
        Communication notice = record(chased, CommunicationStep.FORMAL_NOTICE);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            Callable<String> send = () -> {
                start.await();
                try {
                    return delivery.deliver(notice.getId()).name();
                } catch (DeliveryFailedException busy) {
                    return "BUSY";
                }
            };
            List<Future<String>> outcomes = new ArrayList<>(List.of(senders.submit(send), senders.submit(send)));
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).contains("SENT").allMatch(result -> result.equals("SENT") || result.equals("BUSY"));
        } finally {
            senders.shutdown();
        }
        assertThat(MailCatcher.receivedBy(Api.emailOf(chased.customer()))).hasSize(1);
        assertThat(communications.findById(notice.getId()).get().getAttempts()).isEqualTo(1);
    }

    @Test
    void anSmtpOutageEndsInAnIncidentAndTheRetryAfterItSendsOnce() {
        Chased chased = chasedCustomer();
        Communication reminder = record(chased, CommunicationStep.FIRST_REMINDER);
        Job job = deliveryJob(reminder);
        MailCatcher.down();

        int attempts = 0;
        while (management.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0 && attempts < 10) {
            attempts++;
            String jobId = job.getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("could not be sent");
        }
        assertThat(attempts).as("the retry cycle PT1M,PT5M,PT15M,PT1H,PT4H").isEqualTo(6);
        JsonNode failed = api.get("/api/customers/" + chased.customer() + "/communications").getBody().get(0);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("lastError").asText()).startsWith("SMTP:");
        Incident incident = runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).singleResult();
        assertThat(incident.getIncidentMessage()).contains("could not be sent to " + Api.emailOf(chased.customer()));

        MailCatcher.up();
        // The operator's "retry" in Cockpit.
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());

        assertThat(MailCatcher.receivedBy(Api.emailOf(chased.customer()))).hasSize(1);
        assertThat(communications.findById(reminder.getId()).get().getStatus()).isEqualTo(Communication.Status.SENT);
        assertThat(runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void dropsTheLetterWhenItsInvoicesWerePaidOrDisputedMeanwhile() {
        Chased chased = chasedCustomer();
        Communication reminder = record(chased, CommunicationStep.FIRST_REMINDER);
        payOldInvoice(chased);
        api.post("/api/disputes", "{\"invoiceNumber\": \"%s\", \"category\": \"PRICING\"}".formatted(chased.recent()));

        String instance = runDeliveryJob(reminder);

        assertThat(MailCatcher.receivedBy(Api.emailOf(chased.customer()))).isEmpty();
        Communication dropped = communications.findById(reminder.getId()).get();
        assertThat(dropped.getStatus()).isEqualTo(Communication.Status.DROPPED);
        assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_CommunicationDropped")
                .processInstanceId(instance).count()).isEqualTo(1);
    }

    @Test
    void leavesOutWhatWasPaidSinceAndListsWhatIsStillOwedWithItsPenalties() throws Exception {
        Chased chased = chasedCustomer();
        Communication letter = record(chased, CommunicationStep.FIRM_LETTER);
        payOldInvoice(chased);

        runDeliveryJob(letter);

        String text = PdfText.of(PdfText.attachedTo(MailCatcher.receivedBy(Api.emailOf(chased.customer())).get(0)));
        assertThat(text).contains(chased.recent(), "Indemnité forfaitaire", "1 facture(s) × 40,00 €")
                .doesNotContain(chased.old());
        JsonNode sent = api.get("/api/customers/" + chased.customer() + "/communications").getBody().get(0);
        assertThat(sent.get("invoices")).hasSize(1);
        assertThat(sent.get("totalOutstanding").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(sent.get("totalCompensation").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(sent.get("totalInterest").decimalValue()).isPositive();
        assertThat(text).contains(String.format(java.util.Locale.FRANCE, "%,.2f €",
                sent.get("totalInterest").decimalValue()).replace('\u202F', ' ').replace('\u00A0', ' '));
    }

    @Test
    void acknowledgesADisputeToThePurchaserWithTheDisputedInvoice() throws Exception {
        String customer = Api.unique("C");
        api.post("/api/customers", """
                {"externalId": "%s", "name": "Garage Petit SARL", "language": "en", "contacts": [
                  {"role": "ACCOUNTS_PAYABLE", "name": "Compta", "email": "%s"},
                  {"role": "PURCHASER", "name": "Jeanne Petit", "email": "achats@%s.example.fr"}]}""".formatted(
                customer, Api.emailOf(customer), customer.toLowerCase(java.util.Locale.ROOT)));
        String invoice = api.invoice(customer, ParisDate.today().minusDays(40).toString(),
                ParisDate.today().minusDays(10).toString(), "880.00");
        api.post("/api/disputes", "{\"invoiceNumber\": \"%s\", \"category\": \"QUALITY\"}".formatted(invoice));

        JsonNode acknowledgement = api.get("/api/invoices/" + invoice + "/communications").getBody().get(0);
        assertThat(acknowledgement.get("step").asText()).isEqualTo("DISPUTE_ACKNOWLEDGEMENT");
        assertThat(acknowledgement.get("recipientRole").asText()).isEqualTo("PURCHASER");
        runDeliveryJob(communications.findById(acknowledgement.get("id").asLong()).orElseThrow());

        MimeMessage mail = MailCatcher.receivedBy("achats@" + customer.toLowerCase(java.util.Locale.ROOT) + ".example.fr").get(0);
        assertThat(mail.getSubject()).startsWith("We have received your claim");
        assertThat(MailBody.attachments(mail)).isEmpty();
        assertThat(MailBody.text(mail)).contains(invoice, "€880.00", "Acknowledgement of your claim");
    }

    @Test
    void chargesTheRateOfTheCustomersTermsWhenItHasOne() throws Exception {
        Chased chased = chasedCustomer();
        api.post("/api/customers", """
                {"externalId": "%s", "name": "Client %s SAS", "latePaymentRate": "12"}""".formatted(
                chased.customer(), chased.customer()));
        Communication letter = record(chased, CommunicationStep.FIRM_LETTER);

        runDeliveryJob(letter);

        // 1,200 x 12 % x 40 / 365 = 15.78 and 300 x 12 % x 5 / 365 = 0.49
        JsonNode sent = api.get("/api/customers/" + chased.customer() + "/communications").getBody().get(0);
        assertThat(sent.get("totalInterest").decimalValue()).isEqualByComparingTo("16.27");
        assertThat(sent.get("totalCompensation").decimalValue()).isEqualByComparingTo("80.00");
        String text = PdfText.of(PdfText.attachedTo(MailCatcher.receivedBy(Api.emailOf(chased.customer())).get(0)));
        assertThat(text).contains("au taux annuel de 12,00 %", "15,78 €", "0,49 €", "16,27 €", "1 596,27 €");
    }

    @Test
    void aDocumentThatDoesNotExistIsA404() {
        ResponseEntity<JsonNode> missing = api.get("/api/communications/987654321/document");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody().get("detail").asText()).contains("Communication 987654321 has no document");
    }

    record Chased(String customer, Long customerId, String old, String recent) {
    }

    private void payOldInvoice(Chased chased) {
        api.post("/api/payments", """
                {"bankReference": "%s", "customerExternalId": "%s", "date": "%s", "amount": 1200.00,
                 "currency": "EUR", "invoiceNumbers": ["%s"]}""".formatted(Api.unique("VIR"), chased.customer(),
                ParisDate.today(), chased.old()));
    }

    /** A customer owing 1,200 EUR for 40 days and 300 EUR for 5. */
    private Chased chasedCustomer() {
        String customer = api.customer();
        LocalDate today = ParisDate.today();
        String old = api.invoice(customer, today.minusDays(70).toString(), today.minusDays(40).toString(), "1200.00");
        String recent = api.invoice(customer, today.minusDays(35).toString(), today.minusDays(5).toString(), "300.00");
        return new Chased(customer, customers.get(customer).getId(), old, recent);
    }

    private Communication record(Chased chased, CommunicationStep step) {
        String key = Api.unique("case") + "/" + step;
        return transaction.execute(status -> log.record(key, null, chased.customerId(), step)).orElseThrow();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Job deliveryJob(Communication communication) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(DeliveryProcess.PROCESS)
                .variableValueEquals(DeliveryProcess.COMMUNICATION_ID, communication.getId()).singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).singleResult();
    }

    /** @return the delivery's process instance */
    private String runDeliveryJob(Communication communication) {
        Job job = deliveryJob(communication);
        management.executeJob(job.getId());
        return job.getProcessInstanceId();
    }
}
