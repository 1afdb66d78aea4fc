package org.encaisse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.communication.CommunicatedInvoice;
import org.encaisse.communication.Communication;
import org.encaisse.communication.CommunicationDelivery;
import org.encaisse.communication.CommunicationLog;
import org.encaisse.communication.CommunicationStep;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.support.MailCatcher;
import org.encaisse.support.MailBody;
import org.encaisse.support.PdfText;
import org.encaisse.support.OwnContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo portfolio run forward seven weeks, collectors answering "no agreement" and sales reps
 * "not reached": every letter of the path leaves once, to the right contact, in French and listing
 * its invoices (a reminder in the email's body, a registered letter as a PDF); running every sender
 * again sends nothing more.
 */
@SpringBootTest(properties = {"encaisse.demo.enabled=true", "encaisse.admin.user=", "encaisse.admin.password=",
        "spring.datasource.url=jdbc:h2:mem:demo-mail;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=demomail"})
@ContextConfiguration(initializers = MailCatcher.class)
@ActiveProfiles("test")
@Tag(OwnContext.TAG)
class DemoMailRunTests {

    private static final int DAYS = 50;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    CommunicationLog log;

    @Autowired
    CommunicationDelivery delivery;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void runForwardLeavesOneMailPerLetterAndRerunningTheSendersChangesNothing() throws MessagingException {
        MailCatcher.clear();
        Instant start = clock.instant();
        for (int day = 0; day <= DAYS; day++) {
            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(day))));
            runDueJobs();
            answerTasks();
            runDueJobs();
        }

        List<Communication> letters = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> customers.get("C%04d".formatted(i)).getId())
                .flatMap(id -> log.ofCustomer(id).stream())
                .toList();
        Map<String, MimeMessage> mails = byMessageId(MailCatcher.received());
        assertThat(letters).allSatisfy(letter -> assertThat(letter.getStatus())
                .as("communication %s", letter.getStepKey()).isIn(Communication.Status.SENT, Communication.Status.DROPPED));
        List<Communication> sent = letters.stream().filter(l -> l.getStatus() == Communication.Status.SENT).toList();
        assertThat(mails).as("one mail per letter sent, none twice").hasSameSizeAs(sent)
                .hasSize(MailCatcher.received().size());
        assertThat(sent).extracting(Communication::getStep).contains(CommunicationStep.PRE_DUE_REMINDER,
                CommunicationStep.FIRST_REMINDER, CommunicationStep.SECOND_REMINDER, CommunicationStep.FIRM_LETTER,
                CommunicationStep.FORMAL_NOTICE);
        Map<String, Integer> perCustomerAndStep = new HashMap<>();
        for (Communication letter : sent) {
            if (letter.getStep() != CommunicationStep.PRE_DUE_REMINDER) {
                perCustomerAndStep.merge(letter.getCustomerId() + "/" + letter.getStep(), 1, Integer::sum);
            }
            MimeMessage mail = mails.get(letter.getMessageId());
            assertThat(mail).as("the mail of %s", letter.getStepKey()).isNotNull();
            assertThat(mail.getAllRecipients()[0].toString()).contains(letter.getRecipientEmail());
            // Registered letters travel as a PDF; plain emails carry the letter in their body, with nothing attached.
            String text;
            if (letter.getStep().sentAsPdf()) {
                text = PdfText.of(PdfText.attachedTo(mail));
            } else {
                assertThat(MailBody.attachments(mail)).as("attachments of %s", letter.getStepKey()).isEmpty();
                text = MailBody.text(mail);
            }
            for (CommunicatedInvoice invoice : letter.getInvoices()) {
                assertThat(text).contains(invoice.invoiceNumber());
            }
            if (letter.getLanguage().equals("fr")) {
                assertThat(text).contains("Madame, Monsieur", "Reste dû");
            }
            if (letter.getStep().claimsLatePaymentPenalties()) {
                assertThat(text).contains(letter.getLanguage().equals("fr") ? "Indemnité forfaitaire" : "Fixed recovery compensation");
            }
        }
        assertThat(perCustomerAndStep.values()).as("each step once per customer").allMatch(count -> count == 1);
        System.out.printf("Demo run forward %d days: %d letters sent, %d dropped, by step %s%n", DAYS, sent.size(),
                letters.size() - sent.size(), sent.stream().collect(java.util.stream.Collectors.groupingBy(
                        Communication::getStep, java.util.TreeMap::new, java.util.stream.Collectors.counting())));

        for (Communication letter : letters) {
            delivery.deliver(letter.getId());
        }
        runDueJobs();
        assertThat(MailCatcher.received()).as("the senders run again").hasSize(mails.size());
    }

    /** What the job executor would do by the simulated time, the aging run's morning timer included. */
    private void runDueJobs() {
        for (int round = 0; round < 200; round++) {
            List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 200);
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (ProcessEngineException failed) {
                    // Left with fewer retries and a later due date, as on a real node.
                }
            }
        }
    }

    /** Collectors reach no agreement, sales reps reach nobody, managers keep delivering and enter the rates. */
    private void answerTasks() {
        for (Task task : new ArrayList<>(tasks.createTaskQuery().active().list())) {
            Map<String, Object> answer = switch (task.getTaskDefinitionKey()) {
                case "Task_CallCustomer" -> Map.of("callOutcome", "NO_AGREEMENT");
                case "Task_AskSalesRepToCall" -> Map.of("buyerReached", "false", "salesCallNotes", "Pas de réponse");
                case "Task_DecideDeliveryBlock" -> Map.of("blockDeliveries", false, "blockComment", "Client historique");
                // The run crosses into a half-year no table holds: the manager enters its rate, the letters held go.
                case "Task_EnterStatutoryRate" -> Map.of("ratePercent", 12.15, "rateSource", "Banque de France");
                default -> null;
            };
            if (answer != null) {
                tasks.complete(task.getId(), answer);
            }
        }
    }

    private static Map<String, MimeMessage> byMessageId(List<MimeMessage> received) throws MessagingException {
        Map<String, MimeMessage> byId = new HashMap<>();
        for (MimeMessage mail : received) {
            byId.put(mail.getMessageID(), mail);
        }
        return byId;
    }
}
