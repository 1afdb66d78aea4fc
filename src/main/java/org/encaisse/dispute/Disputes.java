package org.encaisse.dispute;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Disputes extends JpaRepository<Dispute, Long> {

    Optional<Dispute> findByOpenInvoiceId(Long invoiceId);

    java.util.List<Dispute> findByInvoiceIdInOrderByOpenedAt(java.util.Collection<Long> invoiceIds);
}
