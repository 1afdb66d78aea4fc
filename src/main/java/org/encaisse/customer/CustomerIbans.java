package org.encaisse.customer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerIbans extends JpaRepository<CustomerIban, Long> {

    @Query("select i.customerId from CustomerIban i where i.iban = :iban order by i.customerId")
    List<Long> findCustomerIds(String iban);

    boolean existsByIbanAndCustomerId(String iban, Long customerId);

    List<CustomerIban> findByCustomerIdOrderByLearntAt(Long customerId);

    long deleteByIbanAndCustomerId(String iban, Long customerId);
}
