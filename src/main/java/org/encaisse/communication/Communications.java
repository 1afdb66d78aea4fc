package org.encaisse.communication;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.encaisse.invoice.Invoice;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
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

    /**
     * The invoices a communication lists, as they now stand. A join, not a list of ids (Hibernate plans
     * those afresh each call) nor an {@code in} subquery: MariaDB ran that semi-join as a scan of the
     * invoice table whenever its statistics were stale, about 2,000 rows read per letter at 10,000 invoices.
     */
    @Query("""
            select i from Communication c join c.invoices listed join Invoice i on i.id = listed.invoiceId
            where c.id = :id
            order by i.dueDate, i.issueDate, i.number""")
    List<Invoice> findListedInvoices(Long id);

    @Query("select count(c) from Communication c where c.caseId = :caseId and c.step = :step")
    long countByCaseIdAndStep(String caseId, CommunicationStep step);

    @Query("select distinct c from Communication c join c.invoices i where i.invoiceId = :invoiceId order by c.createdAt, c.id")
    List<Communication> findByInvoiceId(@Param("invoiceId") Long invoiceId);

    /**
     * The communication, its row locked until the caller's transaction ends: one sender at a time. A row
     * another sender holds fails at once (NOWAIT) rather than keeping a job thread waiting for its mail.
     * The listed invoices come with it, in the same statement: every sender reads them.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "0"))
    @Query("select c from Communication c left join fetch c.invoices where c.id = :id")
    Optional<Communication> lockById(Long id);
}
