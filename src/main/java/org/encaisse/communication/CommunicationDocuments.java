package org.encaisse.communication;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommunicationDocuments extends JpaRepository<CommunicationDocument, Long> {
}
