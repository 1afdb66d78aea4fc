package org.encaisse.invoice;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Invoices extends JpaRepository<Invoice, Long> {

    Optional<Invoice> findByNumber(String number);

    List<Invoice> findByNumberIn(Collection<String> numbers);

    List<Invoice> findByCustomerIdOrderByDueDateAscIssueDateAscNumberAsc(Long customerId);

    /** Each customer's most recently issued invoices: their issue and due dates give its usual payment term. */
    @Query("""
            select i.customerId, i.issueDate, i.dueDate from Invoice i
            where i.customerId in :customerIds
              and i.issueDate = (select max(j.issueDate) from Invoice j where j.customerId = i.customerId)""")
    List<Object[]> findLatestTerms(Collection<Long> customerIds);

    // Every reminder and call reads this one: its statuses are literals, those of InvoiceLedger.CHASED, because
    // Hibernate 6.6 plans a query with a list parameter afresh on every call (docs/architecture.md).
    @Query("""
            select i from Invoice i
            where i.customerId = :customerId and i.outstandingAmount > 0 and i.dueDate < :asOf
              and i.status in (org.encaisse.invoice.InvoiceStatus.OPEN, org.encaisse.invoice.InvoiceStatus.PARTIALLY_PAID)
            order by i.dueDate, i.issueDate, i.number""")
    List<Invoice> findOverdueChased(Long customerId, java.time.LocalDate asOf);

    @Query("""
            select i from Invoice i
            where i.customerId = :customerId and i.outstandingAmount > 0 and i.dueDate < :asOf
              and i.status in :statuses
            order by i.dueDate, i.issueDate, i.number""")
    List<Invoice> findOverdue(Long customerId, java.time.LocalDate asOf, Collection<InvoiceStatus> statuses);

    @Query("""
            select i from Invoice i
            where i.outstandingAmount > 0 and i.dueDate > :after and i.dueDate <= :until and i.status in :statuses
            order by i.dueDate, i.number""")
    List<Invoice> findFallingDue(java.time.LocalDate after, java.time.LocalDate until, Collection<InvoiceStatus> statuses);

    @Query("""
            select distinct i.customerId from Invoice i
            where i.outstandingAmount > 0 and i.dueDate < :asOf and i.status in :statuses""")
    List<Long> findCustomersWithOverdue(java.time.LocalDate asOf, Collection<InvoiceStatus> statuses);

    @Query("select distinct i.customerId from Invoice i where i.number in :numbers")
    List<Long> findCustomerIds(Collection<String> numbers);

    @Query("""
            select i from Invoice i
            where i.customerId = :customerId and i.currency = :currency
              and i.outstandingAmount > 0 and i.status in :statuses
            order by i.dueDate, i.issueDate, i.number""")
    List<Invoice> findPayable(Long customerId, String currency, Collection<InvoiceStatus> statuses);

    @Query("""
            select i from Invoice i
            where i.customerId in :customerIds and i.outstandingAmount > 0 and i.status in :statuses
            order by i.customerId, i.dueDate, i.issueDate, i.number""")
    List<Invoice> findPayableOfCustomers(Collection<Long> customerIds, Collection<InvoiceStatus> statuses);

    @Query("""
            select i from Invoice i
            where i.outstandingAmount in :amounts and i.status in :statuses
            order by i.dueDate, i.number""")
    List<Invoice> findPayableOfAmounts(Collection<java.math.BigDecimal> amounts, Collection<InvoiceStatus> statuses);

    @Query("""
            select i from Invoice i
            where i.limitationDate <= :until and i.outstandingAmount > 0 and i.status in :statuses
              and (i.limitationWarnedFor is null or i.limitationWarnedFor <> i.limitationDate)
            order by i.limitationDate, i.number""")
    List<Invoice> findNearingLimitationUnwarned(java.time.LocalDate until, Collection<InvoiceStatus> statuses);
}
