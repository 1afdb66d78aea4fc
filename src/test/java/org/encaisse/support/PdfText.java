package org.encaisse.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a PDF says, as a reader would copy it, no-break spaces as plain ones; and the PDF a mail carries. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ');
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }

    /** The mail's PDF attachment; fails when it has none. */
    public static byte[] attachedTo(MimeMessage mail) {
        try {
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                        && part.getContentType().startsWith("application/pdf")) {
                    return part.getInputStream().readAllBytes();
                }
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
        throw new AssertionError("The mail has no PDF attachment");
    }
}
