package org.encaisse.court;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.encaisse.communication.CommunicationDocument;
import org.encaisse.letter.LetterTemplates;
import org.encaisse.letter.PdfDocuments;
import org.springframework.stereotype.Component;

/**
 * The request as one PDF for the registry: the request itself from the editable template
 * {@code letters/fr/injunction-request.html}, then the letters it cites, as they were sent. A French court reads
 * French, whatever the debtor's language.
 */
@Component
class InjunctionRequestDocument {

    private final LetterTemplates templates;
    private final PdfDocuments pdf;

    InjunctionRequestDocument(LetterTemplates templates, PdfDocuments pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    byte[] render(InjunctionRequest request, List<CommunicationDocument> annexes) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(pdf.render(templates.document("injunction-request", Map.of("request", request), Locale.FRANCE)));
        for (CommunicationDocument annex : annexes) {
            parts.add(annex.printed(pdf));
        }
        return pdf.merge(parts);
    }
}
