package org.encaisse.collection;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PromisesToPay extends JpaRepository<PromiseToPay, Long> {

    // JPQL rather than a derived query: Hibernate caches the plan of a string (docs/architecture.md).
    @Query("select p from PromiseToPay p where p.customerId = :customerId order by p.recordedAt desc")
    List<PromiseToPay> findByCustomerIdOrderByRecordedAtDesc(Long customerId, Limit limit);
}
