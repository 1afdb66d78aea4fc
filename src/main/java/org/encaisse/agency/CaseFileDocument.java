package org.encaisse.agency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.encaisse.communication.CommunicationArchive;
import org.encaisse.communication.CommunicationDocument;
import org.encaisse.letter.LetterTemplates;
import org.encaisse.letter.PdfDocuments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case file as one PDF: the file itself (French), then each letter as it was sent, numbered as
 * annexes in the order they went out, so an agency or a court receives the documents and not links.
 * An email's letter was sent as HTML and is printed here from the body that went out.
 */
@Component
class CaseFileDocument {

    private final LetterTemplates templates;
    private final PdfDocuments pdf;
    private final CommunicationArchive archive;

    CaseFileDocument(LetterTemplates templates, PdfDocuments pdf, CommunicationArchive archive) {
        this.templates = templates;
        this.pdf = pdf;
        this.archive = archive;
    }

    @Transactional(readOnly = true)
    public byte[] render(CaseFile file) {
        Map<Long, Integer> annexes = new LinkedHashMap<>();
        List<CommunicationDocument> documents = file.letters().stream()
                .filter(letter -> letter.document() != null)
                .map(letter -> archive.document(letter.communicationId()))
                .flatMap(Optional::stream)
                .peek(document -> annexes.put(document.getCommunicationId(), annexes.size() + 1))
                .toList();
        byte[] summary = pdf.render(templates.document("case-file", Map.of("file", file, "annexes", annexes),
                Locale.FRANCE));
        return documents.isEmpty() ? summary : withAnnexes(summary, documents);
    }

    private byte[] withAnnexes(byte[] summary, List<CommunicationDocument> documents) {
        List<byte[]> parts = new java.util.ArrayList<>();
        parts.add(summary);
        documents.forEach(document -> parts.add(document.printed(pdf)));
        return pdf.merge(parts);
    }
}
