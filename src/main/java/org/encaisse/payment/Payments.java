package org.encaisse.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Payments extends JpaRepository<Payment, Long> {

    Optional<Payment> findByBankReference(String bankReference);

    @Query("select p.bankReference from Payment p where p.bankReference in :references")
    List<String> findBankReferencesIn(java.util.Collection<String> references);

    // JPQL rather than a derived query: Hibernate caches the plan of a string (docs/architecture.md).
    @Query("select p from Payment p where p.customerId = :customerId order by p.paymentDate desc, p.id desc")
    List<Payment> findByCustomerIdOrderByPaymentDateDescIdDesc(Long customerId, Limit limit);

    @Query("select distinct p from Payment p join p.allocations a where a.invoiceId = :invoiceId order by p.paymentDate")
    List<Payment> findByInvoiceId(Long invoiceId);

    @Query("""
            select p.currency as currency, sum(p.unallocatedAmount) as amount from Payment p
            where p.customerId = :customerId and p.unallocatedAmount > 0 group by p.currency""")
    List<CreditByCurrency> unallocatedCredit(Long customerId);

    @Query("select coalesce(sum(p.amount), 0) from Payment p where p.customerId = :customerId and p.recordedAt >= :since")
    BigDecimal sumRecordedSince(Long customerId, java.time.Instant since);

    interface CreditByCurrency {
        String getCurrency();

        BigDecimal getAmount();
    }
}
