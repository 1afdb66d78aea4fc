package org.encaisse.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Customers extends JpaRepository<Customer, Long> {

    /** Contacts come along: whoever reads one customer is about to write to or call it. */
    @EntityGraph(attributePaths = "contacts")
    Optional<Customer> findByExternalId(String externalId);

    /**
     * Contacts come along, with a JPQL fetch join rather than an entity graph, which Spring Data builds
     * afresh and Hibernate loads through on every call; every letter and call reads its customer.
     */
    @Override
    @Query("select c from Customer c left join fetch c.contacts where c.id = :id")
    Optional<Customer> findById(Long id);

    List<Customer> findByExternalIdIn(Collection<String> externalIds);

    /** Each word with a customer whose name has it ({@link NameWords}), by name: how a payer's name on a transfer
     * finds its account. */
    @Query("select word, c from Customer c join c.nameWords word where word in :words order by c.name")
    List<Object[]> findByNameWordIn(Collection<String> words);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id")
    Optional<Customer> lockById(Long id);

    /** In the order of their ids, so that two batches locking some of the same customers cannot deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id in :ids order by c.id")
    List<Customer> lockAllById(Collection<Long> ids);
}
