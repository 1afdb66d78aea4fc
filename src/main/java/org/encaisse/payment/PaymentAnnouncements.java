package org.encaisse.payment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentAnnouncements extends JpaRepository<PaymentAnnouncement, Long> {

    List<PaymentAnnouncement> findByCustomerIdAndStatusOrderByAnnouncedAt(Long customerId, PaymentAnnouncement.Status status);
}
