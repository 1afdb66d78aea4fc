package org.encaisse.communication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.encaisse.audit.AuditTrail;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceStatus;
import org.encaisse.letter.LetterTemplates;
import org.encaisse.letter.PdfDocuments;
import org.encaisse.letter.StatutoryRateWatch;
import org.encaisse.payment.Payment;
import org.encaisse.payment.PaymentHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a recorded communication, at most once however many senders try, and never for an invoice
 * whose payment has committed. It runs in a transaction of its own, outside the caller's (the job's),
 * so a job that fails after the mail went finds it SENT on its retry:
 * <ol>
 * <li>lock the communication's row: a second sender (a retried job, another node) waits there and
 * then finds it SENT, or gives up as busy if it waited too long;</li>
 * <li>lock the customer's row, the one a payment takes to allocate itself: drop the letter if its
 * invoices were paid or disputed since; otherwise list them as they now stand, compute the
 * penalties, render the letter and store it (a PDF for a registered letter, the email's HTML body
 * otherwise), send it over SMTP and mark it SENT. A payment of that customer therefore commits
 * either before the invoices are read (the letter leaves them out) or after the mail went.</li>
 * </ol>
 * A failure rolls all of it back, then marks the communication FAILED with the error and is thrown.
 * A sender that dies holds nothing: the database releases its locks with its connection. The one
 * window left is a sender dying after the SMTP server accepted the mail and before SENT commits: the
 * next attempt sends it again, with the same Message-ID.
 */
@Service
public class CommunicationDelivery {

    private static final Logger log = LoggerFactory.getLogger(CommunicationDelivery.class);

    /** {@code HELD}: the letter claims interest over a half-year whose statutory rate is not entered yet. */
    public enum Outcome { SENT, DROPPED, HELD }

    private final Communications communications;
    private final CommunicationDocuments documents;
    private final CustomerDirectory customers;
    private final PaymentHistory payments;
    private final LetterComposer composer;
    private final LatePenalties penalties;
    private final StatutoryRateWatch rateWatch;
    private final LetterTemplates templates;
    private final PdfDocuments pdf;
    private final CommunicationMail mail;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final AuditTrail audit;

    CommunicationDelivery(Communications communications, CommunicationDocuments documents, CustomerDirectory customers,
                          PaymentHistory payments, LetterComposer composer, LatePenalties penalties,
                          StatutoryRateWatch rateWatch,
                          LetterTemplates templates, PdfDocuments pdf, CommunicationMail mail,
                          PlatformTransactionManager transactions, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.communications = communications;
        this.documents = documents;
        this.customers = customers;
        this.payments = payments;
        this.composer = composer;
        this.penalties = penalties;
        this.rateWatch = rateWatch;
        this.templates = templates;
        this.pdf = pdf;
        this.mail = mail;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public Outcome deliver(Long communicationId) {
        try {
            return ownTransaction.execute(status -> sendWhileTheLetterAndTheAccountAreLocked(communicationId));
        } catch (RateMissing missing) {
            hold(communicationId, missing.getMessage());
            // In the caller's transaction, which the attempt's rollback left alone: the managers get their task.
            rateWatch.ask(missing.halfYears);
            return Outcome.HELD;
        } catch (Undeliverable undeliverable) {
            fail(communicationId, undeliverable.getMessage());
            throw new DeliveryFailedException("Communication " + communicationId + ": " + undeliverable.getMessage(),
                    undeliverable.getCause());
        }
    }

    /** Why a communication could not go out; rolls its attempt back and is recorded on it. */
    private static final class Undeliverable extends RuntimeException {

        Undeliverable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** A letter that would claim interest at a rate nobody entered: rolled back, and kept until the rate is there. */
    private static final class RateMissing extends RuntimeException {

        private final transient List<LocalDate> halfYears;

        RateMissing(List<LocalDate> halfYears, String reason) {
            super(reason);
            this.halfYears = List.copyOf(halfYears);
        }
    }

    private Outcome sendWhileTheLetterAndTheAccountAreLocked(Long communicationId) {
        Communication communication = lock(communicationId);
        Instant now = clock.instant();
        switch (communication.getStatus()) {
            case SENT:
                return Outcome.SENT;
            case DROPPED:
                return Outcome.DROPPED;
            case SENDING:
                // Only a sender of an earlier version, which committed a lease before sending, leaves this status.
                if (communication.getClaimedUntil() != null && communication.getClaimedUntil().isAfter(now)) {
                    throw busy(communicationId, "until " + communication.getClaimedUntil());
                }
                break;
            default:
                break;
        }
        Customer customer = customers.lock(communication.getCustomerId());
        Prepared prepared;
        try {
            prepared = prepare(communication, customer);
        } catch (RateMissing missing) {
            throw missing;
        } catch (RuntimeException e) {
            throw new Undeliverable("The letter could not be prepared: " + e.getMessage(), e);
        }
        if (prepared.dropped()) {
            log.info("Communication {} dropped: {}", communicationId, prepared.reason());
            return Outcome.DROPPED;
        }
        if (prepared.mail().to() == null) {
            throw new Undeliverable("No contact of the customer has an email address; add one and retry the incident.",
                    null);
        }
        String messageId;
        try {
            messageId = mail.send(prepared.mail());
        } catch (MailException e) {
            throw new Undeliverable("SMTP: the letter could not be sent to " + prepared.mail().to() + ": "
                    + e.getMessage(), e);
        }
        communication.sent(clock.instant(), messageId);
        audit.append("rule:delivery", "LETTER_SENT", communication.getCustomerId(), "letter " + communicationId + " "
                + communication.getStep().name(), communication.getInvoices().stream()
                        .map(CommunicatedInvoice::invoiceNumber).toList(),
                "emailed to " + communication.getRecipientEmail() + ", " + messageId + ", " + prepared.stored()
                        + ", document " + communication.documentPath());
        return Outcome.SENT;
    }

    private Communication lock(Long communicationId) {
        try {
            return communications.lockById(communicationId)
                    .orElseThrow(() -> new NotFoundException("No communication " + communicationId + "."));
        } catch (PessimisticLockingFailureException held) {
            throw busy(communicationId, "now");
        }
    }

    private static DeliveryFailedException busy(Long communicationId, String until) {
        return new DeliveryFailedException("Communication " + communicationId + " is being sent by another sender "
                + until + "; this attempt leaves it to that one.", null);
    }

    /** {@code stored}: what was stored of it, as the audit trail names it ("HTML" or "PDF", then its SHA-256). */
    private record Prepared(boolean dropped, String reason, CommunicationMail.Outgoing mail, String stored) {
    }

    private Prepared prepare(Communication communication, Customer customer) {
        Long communicationId = communication.getId();
        LocalDate today = LocalDate.now(clock);
        List<Invoice> stillOwed = communications.findListedInvoices(communicationId).stream()
                .filter(invoice -> stillApplies(invoice, communication.getStep()))
                .toList();
        if (stillOwed.isEmpty()) {
            String reason = "Its invoices were paid, credited or disputed after it was recorded.";
            communication.dropped(reason);
            audit.append("rule:delivery", "LETTER_DROPPED", communication.getCustomerId(), "letter " + communicationId
                    + " " + communication.getStep().name(),
                    communication.getInvoices().stream().map(CommunicatedInvoice::invoiceNumber).toList(), reason);
            return new Prepared(true, reason, null, null);
        }
        if (communication.getRecipientEmail() == null) {
            Communication.Recipient recipient = CommunicationLog.recipient(customer, communication.getStep());
            if (recipient != null) {
                communication.addressTo(recipient);
            }
        }
        if (communication.getStep().claimsLatePaymentPenalties()) {
            List<LocalDate> missing = penalties.missingRates(customer, stillOwed, today);
            if (!missing.isEmpty()) {
                throw new RateMissing(missing, "Held: the statutory late-payment rate of the half-year from " + missing
                        + " is not entered (task \"Saisir le taux légal du semestre\"); the letter goes out once it is.");
            }
        }
        // Payments only date the interest, which a letter below level 2 does not claim.
        List<Payment> paid = communication.getStep().claimsLatePaymentPenalties() ? payments.ofCustomer(customer.getId())
                : List.of();
        LetterComposer.Composed composed = composer.compose(communication, customer, stillOwed, paid, today);
        communication.refresh(composed.invoices(), composed.letter().totals().interest(),
                composed.letter().totals().compensation());
        String subject = templates.subject(composed.letter());
        communication.entitle(subject);
        String letter = templates.letter(composed.letter());
        String name = communication.getTemplate() + "-" + composed.letter().reference();
        if (!communication.getStep().sentAsPdf()) {
            String sha256 = store(communicationId, name + ".html", letter.getBytes(StandardCharsets.UTF_8));
            return new Prepared(false, null, new CommunicationMail.Outgoing(communicationId,
                    communication.getRecipientEmail(), communication.getRecipientName(), subject, letter, null, null),
                    "HTML " + sha256);
        }
        byte[] document = pdf.render(letter);
        String sha256 = store(communicationId, name + ".pdf", document);
        return new Prepared(false, null, new CommunicationMail.Outgoing(communicationId, communication.getRecipientEmail(),
                communication.getRecipientName(), subject, templates.email(composed.letter()), name + ".pdf", document),
                "PDF " + sha256);
    }

    /** Paid or credited invoices no longer apply; disputed ones neither, except to acknowledge the dispute. */
    private static boolean stillApplies(Invoice invoice, CommunicationStep step) {
        if (invoice.getOutstandingAmount().signum() <= 0 || invoice.getStatus() == InvoiceStatus.WRITTEN_OFF) {
            return false;
        }
        return invoice.getStatus() != InvoiceStatus.DISPUTED || step.concernsDisputes();
    }

    /**
     * Stores what goes out and returns its SHA-256. A document exists only once its letter is SENT
     * (it commits with that status, or rolls back with a failed attempt), so there is none to replace.
     */
    private String store(Long communicationId, String fileName, byte[] content) {
        String sha256 = sha256(content);
        documents.save(new CommunicationDocument(communicationId, fileName, content, sha256, clock.instant()));
        return sha256;
    }

    private void hold(Long communicationId, String reason) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                Communication communication = lock(communicationId);
                if (communication.hold(reason)) {
                    audit.append("rule:delivery", "LETTER_HELD", communication.getCustomerId(), "letter "
                            + communicationId + " " + communication.getStep().name(), communication.getInvoices().stream()
                            .map(CommunicatedInvoice::invoiceNumber).toList(), reason);
                }
            });
        } catch (DeliveryFailedException busy) {
            log.info("Communication {}: another sender took it up; its outcome, not this hold, is recorded.",
                    communicationId);
        }
    }

    private void fail(Long communicationId, String error) {
        try {
            ownTransaction.executeWithoutResult(status -> lock(communicationId).failedAttempt(error));
        } catch (DeliveryFailedException busy) {
            log.info("Communication {}: another sender took it up; its outcome, not this failure, is recorded.",
                    communicationId);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
