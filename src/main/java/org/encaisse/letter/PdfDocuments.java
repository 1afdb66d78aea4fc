package org.encaisse.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

/** HTML to PDF with openhtmltopdf; the HTML goes through jsoup first, which forgives what XHTML would not. */
@Component
public class PdfDocuments {

    static {
        // Its chatter (timings, selectors) goes to java.util.logging on every letter; failures still throw.
        XRLog.setLoggingEnabled(false);
    }

    // A W3CDom holds a DocumentBuilderFactory, and DocumentBuilderFactory.newInstance() scans every
    // jar with a ServiceLoader: 4 % of a letter's CPU when made per letter. Factories are not
    // thread-safe, so each thread keeps its own.
    private static final ThreadLocal<W3CDom> DOM = ThreadLocal.withInitial(W3CDom::new);

    public byte[] render(String html) {
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(DOM.get().fromJsoup(Jsoup.parse(html)), "classpath:/letters/");
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The letter could not be rendered to PDF", e);
        }
    }

    /** One PDF of several, in their order: a file and its annexes. */
    public byte[] merge(List<byte[]> documents) {
        PDFMergerUtility merger = new PDFMergerUtility();
        try (PDDocument whole = Loader.loadPDF(documents.get(0));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (byte[] next : documents.subList(1, documents.size())) {
                try (PDDocument part = Loader.loadPDF(next)) {
                    merger.appendDocument(whole, part);
                }
            }
            whole.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The documents could not be put together in one PDF", e);
        }
    }
}
