package org.encaisse.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;

/** What a mail shows its reader: its HTML body, that body as text, and what it has attached. */
public final class MailBody {

    private MailBody() {
    }

    /** The text/html part; fails when the mail has none. */
    public static String html(MimeMessage mail) {
        return part(mail, "text/html");
    }

    /** The text/plain alternative, as a client that shows no HTML displays it. */
    public static String plain(MimeMessage mail) {
        return part(mail, "text/plain");
    }

    private static String part(MimeMessage mail, String type) {
        return parts(mail).stream()
                .filter(part -> contentType(part).startsWith(type))
                .map(MailBody::content)
                .findFirst()
                .orElseThrow(() -> new AssertionError("The mail has no " + type + " part"));
    }

    /** The HTML body as a reader sees it on screen, no-break spaces as plain ones. */
    public static String text(MimeMessage mail) {
        return Jsoup.parse(html(mail)).body().text().replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    /** The file names of its attachments. */
    public static List<String> attachments(MimeMessage mail) {
        List<String> names = new ArrayList<>();
        for (Part part : parts(mail)) {
            try {
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    names.add(part.getFileName());
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }
        return names;
    }

    /** Each leaf part's content type (without parameters) and the transfer encoding it travelled in, in order. */
    public static List<String> transferEncodings(MimeMessage mail) {
        List<String> encodings = new ArrayList<>();
        for (Part part : parts(mail)) {
            try {
                String[] encoding = part.getHeader("Content-Transfer-Encoding");
                encodings.add(contentType(part).split(";")[0].trim() + " " + (encoding == null ? "none" : encoding[0]));
            } catch (MessagingException e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }
        return encodings;
    }

    private static List<Part> parts(MimeMessage mail) {
        List<Part> leaves = new ArrayList<>();
        collect(mail, leaves);
        return leaves;
    }

    private static void collect(Part part, List<Part> leaves) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, leaves);
                }
            } else {
                leaves.add(part);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    private static String contentType(Part part) {
        try {
            return part.getContentType().toLowerCase(java.util.Locale.ROOT);
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    private static String content(Part part) {
        try {
            return (String) part.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }
}
