package org.encaisse.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Customers extends JpaRepository<Customer, Long> {

    Optional<Customer> findByExternalId(String externalId);

    List<Customer> findByExternalIdIn(Collection<String> externalIds);
}
