package org.encaisse.customer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerIbans extends JpaRepository<CustomerIban, Long> {

    List<CustomerIban> findByIbanIn(java.util.Collection<String> ibans);

    boolean existsByIbanAndCustomerId(String iban, Long customerId);

    List<CustomerIban> findByCustomerIdOrderByLearntAt(Long customerId);

    long deleteByIbanAndCustomerId(String iban, Long customerId);
}
