package org.encaisse.paymentplan;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentPlans extends JpaRepository<PaymentPlan, Long> {

    java.util.List<PaymentPlan> findByCaseIdAndStatusIn(String caseId, java.util.Collection<PaymentPlan.Status> statuses);
}
