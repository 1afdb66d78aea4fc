package org.encaisse.paymentplan;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentPlans extends JpaRepository<PaymentPlan, Long> {
}
