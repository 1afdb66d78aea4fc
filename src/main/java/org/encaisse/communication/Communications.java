package org.encaisse.communication;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Communications extends JpaRepository<Communication, Long> {

    Optional<Communication> findByStepKey(String stepKey);

    List<Communication> findByCustomerIdOrderByCreatedAtAscIdAsc(Long customerId);

    long countByCaseIdAndStep(String caseId, CommunicationStep step);
}
