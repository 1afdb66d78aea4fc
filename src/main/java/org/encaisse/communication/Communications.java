package org.encaisse.communication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.encaisse.invoice.Invoice;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Communications extends JpaRepository<Communication, Long> {

    // The reads of every letter and call are written in JPQL: Hibernate 6.6 caches the plan of a JPQL string,
    // not of the criteria query a derived method builds, nor of a query with a list parameter (see
    // docs/architecture.md, "Queries Hibernate plans once").
    @Query("select c from Communication c where c.stepKey = :stepKey")
    Optional<Communication> findByStepKey(String stepKey);

    @Query("select c from Communication c where c.customerId = :customerId order by c.createdAt, c.id")
    List<Communication> findByCustomerIdOrderByCreatedAtAscIdAsc(Long customerId);

    @Query("select c from Communication c where c.customerId = :customerId order by c.createdAt desc, c.id desc")
    List<Communication> findLatestOfCustomer(Long customerId, Limit limit);

    /** The invoices a communication lists, as they now stand; by a subquery, not a list of ids (planned afresh each call). */
    @Query("""
            select i from Invoice i
            where i.id in (select listed.invoiceId from Communication c join c.invoices listed where c.id = :id)
            order by i.dueDate, i.issueDate, i.number""")
    List<Invoice> findListedInvoices(Long id);

    @Query("select count(c) from Communication c where c.caseId = :caseId and c.step = :step")
    long countByCaseIdAndStep(String caseId, CommunicationStep step);

    @Query("select distinct c from Communication c join c.invoices i where i.invoiceId = :invoiceId order by c.createdAt, c.id")
    List<Communication> findByInvoiceId(@Param("invoiceId") Long invoiceId);

    /**
     * Takes a communication for one sender: a single conditional update, so of two senders (two
     * job retries, two nodes) exactly one sees a row changed. A claim whose sender died expires.
     * PENDING and FAILED ones can be claimed.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Communication c set c.status = org.encaisse.communication.Communication.Status.SENDING,
                   c.claimedUntil = :until, c.attempts = c.attempts + 1
            where c.id = :id and (c.status in (org.encaisse.communication.Communication.Status.PENDING,
                                                org.encaisse.communication.Communication.Status.FAILED)
                   or (c.status = org.encaisse.communication.Communication.Status.SENDING and c.claimedUntil < :now))""")
    int claim(@Param("id") Long id, @Param("now") Instant now, @Param("until") Instant until);
}
