package org.encaisse.communication;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The documents sent, as other features (the case file, the audit) read them. */
@Service
public class CommunicationArchive {

    private final CommunicationDocuments documents;

    CommunicationArchive(CommunicationDocuments documents) {
        this.documents = documents;
    }

    @Transactional(readOnly = true)
    public Optional<CommunicationDocument> document(Long communicationId) {
        return documents.findById(communicationId);
    }
}
