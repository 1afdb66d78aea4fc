package org.encaisse.communication;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The email a letter travels in, over SMTP. Its Message-ID is derived from the communication, so
 * that the copy a sender would send again after dying between the server's acceptance and its own
 * commit is recognisably the same message to the mail server and the recipient's client.
 */
@Component
class CommunicationMail {

    static {
        // Jakarta Mail looks its StreamProvider up with a ServiceLoader, scanning every jar, each time a message is
        // built or encoded (jakartaee/mail-api#861): 9 % of the daily job's CPU. Named here, it is loaded by name.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
                "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private final SmtpConnections smtp;
    private final String from;
    private final String replyTo;
    private final String domain;

    CommunicationMail(SmtpConnections smtp, @Value("${encaisse.mail.from}") String from,
                      @Value("${encaisse.mail.reply-to:}") String replyTo,
                      @Value("${encaisse.mail.message-id-domain:encaisse.local}") String domain) {
        this.smtp = smtp;
        this.from = from;
        this.replyTo = replyTo;
        this.domain = domain;
    }

    /** {@code pdf} and {@code fileName} are null for an email whose letter is its body. */
    record Outgoing(Long communicationId, String to, String toName, String subject, String html, String fileName,
                    byte[] pdf) {
    }

    String messageIdOf(Long communicationId) {
        return "<communication-" + communicationId + "@" + domain + ">";
    }

    /**
     * Names the encoding Jakarta Mail would choose for French and English text anyway. Left unnamed, it
     * writes every text part through a counting stream first to choose (2 % of the daily job's JFR samples),
     * then again to encode it.
     */
    private static void encodeTextAsQuotedPrintable(Multipart multipart) throws MessagingException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            // The part's own Content-Type header is only written when the message is saved: its data says what it is.
            ContentType type = new ContentType(part.getDataHandler().getContentType());
            if (type.match("multipart/*")) {
                try {
                    encodeTextAsQuotedPrintable((Multipart) part.getContent());
                } catch (IOException e) {
                    throw new MessagingException("Could not read a part of the email being built", e);
                }
            } else if (type.match("text/*")) {
                part.setHeader("Content-Transfer-Encoding", "quoted-printable");
            }
        }
    }

    /** @return the Message-ID sent */
    String send(Outgoing mail) {
        MimeMessage message = smtp.newMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            if (!replyTo.isBlank()) {
                helper.setReplyTo(replyTo);
            }
            helper.setTo(new jakarta.mail.internet.InternetAddress(mail.to(), mail.toName(), "UTF-8"));
            helper.setSubject(mail.subject());
            helper.setText(PlainTextBody.of(mail.html()), mail.html());
            encodeTextAsQuotedPrintable(helper.getRootMimeMultipart());
            if (mail.pdf() != null) {
                helper.addAttachment(mail.fileName(), new ByteArrayResource(mail.pdf()), "application/pdf");
            }
            message.setHeader("Message-ID", messageIdOf(mail.communicationId()));
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new MailPreparationException("Could not build the email of communication " + mail.communicationId(), e);
        }
        smtp.send(message);
        return messageIdOf(mail.communicationId());
    }
}
