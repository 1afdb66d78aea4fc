package org.encaisse.communication;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Communications extends JpaRepository<Communication, Long> {

    Optional<Communication> findByStepKey(String stepKey);

    List<Communication> findByCustomerIdOrderByCreatedAtAscIdAsc(Long customerId);

    long countByCaseIdAndStep(String caseId, CommunicationStep step);

    @Query("select distinct c from Communication c join c.invoices i where i.invoiceId = :invoiceId order by c.createdAt, c.id")
    List<Communication> findByInvoiceId(@Param("invoiceId") Long invoiceId);

    /**
     * Takes a communication for one sender: a single conditional update, so of two senders (two
     * job retries, two nodes) exactly one sees a row changed. A claim whose sender died expires.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Communication c set c.status = org.encaisse.communication.Communication.Status.SENDING,
                   c.claimedUntil = :until, c.attempts = c.attempts + 1
            where c.id = :id and (c.status in :claimable
                   or (c.status = org.encaisse.communication.Communication.Status.SENDING and c.claimedUntil < :now))""")
    int claim(@Param("id") Long id, @Param("claimable") Collection<Communication.Status> claimable,
              @Param("now") Instant now, @Param("until") Instant until);
}
