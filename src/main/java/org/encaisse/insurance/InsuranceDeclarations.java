package org.encaisse.insurance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InsuranceDeclarations extends JpaRepository<InsuranceDeclaration, Long> {

    Optional<InsuranceDeclaration> findByProcessInstanceId(String processInstanceId);

    List<InsuranceDeclaration> findByCustomerIdOrderByCreatedAtDesc(Long customerId);

    List<InsuranceDeclaration> findByStateOrderByDeadline(InsuranceDeclaration.State state);

    /** Invoice numbers of the customer already in a declaration that is awaited, made, or lost. */
    @Query("""
            select i.number from InsuranceDeclaration d join d.invoices i
            where d.customerId = :customerId and d.state in :states""")
    List<String> declaredNumbers(Long customerId, Collection<InsuranceDeclaration.State> states);
}
