package org.encaisse.collection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PromisesToPay extends JpaRepository<PromiseToPay, Long> {

    List<PromiseToPay> findByCustomerIdOrderByRecordedAtDesc(Long customerId);
}
