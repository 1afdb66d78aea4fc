package org.encaisse.insurance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InsuranceCovers extends JpaRepository<InsuranceCover, Long> {

    Optional<InsuranceCover> findByCustomerId(Long customerId);

    List<InsuranceCover> findByCustomerIdIn(Collection<Long> customerIds);

    @Query("select c from InsuranceCover c where c.state <> org.encaisse.insurance.InsuranceCover.State.WITHDRAWN")
    List<InsuranceCover> findCovering();
}
