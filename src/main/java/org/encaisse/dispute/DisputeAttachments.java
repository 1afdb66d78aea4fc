package org.encaisse.dispute;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DisputeAttachments extends JpaRepository<DisputeAttachment, Long> {

    List<DisputeAttachment> findByDisputeIdOrderById(Long disputeId);
}
