package org.encaisse.paymentplan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.encaisse.communication.CommunicationLog;
import org.encaisse.communication.CommunicationStep;
import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.payment.PaymentHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans of customers in difficulty: drafted over the overdue invoices, started once
 * approved (the invoices leave the reminders, the agreement letter is recorded), watched
 * installment by installment, and ended kept or broken.
 */
@Service
public class PaymentPlanDesk {

    /** Where a plan stands after its installments due so far were checked against the payments. */
    public enum Standing { ON_TRACK, COMPLETE, MISSED }

    private final PaymentPlans plans;
    private final InvoiceLedger ledger;
    private final PaymentHistory payments;
    private final CommunicationLog communications;
    private final Clock clock;

    PaymentPlanDesk(PaymentPlans plans, InvoiceLedger ledger, PaymentHistory payments, CommunicationLog communications,
                    Clock clock) {
        this.plans = plans;
        this.ledger = ledger;
        this.payments = payments;
        this.communications = communications;
        this.clock = clock;
    }

    /** A plan over what the customer owes today on its overdue invoices; empty when nothing is overdue. */
    @Transactional
    public PaymentPlan draft(Long customerId, String caseId, int installments, LocalDate firstDueDate, String proposedBy) {
        List<Invoice> overdue = ledger.overdue(customerId, LocalDate.now(clock));
        if (overdue.isEmpty()) {
            throw new IllegalStateException("Customer " + customerId + " has no overdue invoice to put in a plan");
        }
        String currency = overdue.get(0).getCurrency();
        List<Invoice> covered = overdue.stream().filter(invoice -> invoice.getCurrency().equals(currency)).toList();
        BigDecimal total = covered.stream().map(Invoice::getOutstandingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return plans.save(new PaymentPlan(customerId, caseId, covered.stream().map(Invoice::getId).toList(), total,
                currency, installments, firstDueDate, proposedBy));
    }

    @Transactional
    public void reject(Long planId) {
        find(planId).reject();
    }

    /** Records the agreement letter, then takes the invoices out of the reminders. */
    @Transactional
    public void start(Long planId, String approvedBy) {
        PaymentPlan plan = find(planId);
        if (plan.getStatus() != PaymentPlan.Status.PROPOSED) {
            return;
        }
        List<Invoice> covered = ledger.byIds(plan.getInvoiceIds());
        communications.record(plan.getCaseId() + "/plan-" + planId + "/agreement", plan.getCaseId(), plan.getCustomerId(),
                CommunicationStep.PAYMENT_PLAN_AGREEMENT, covered, schedule(plan));
        covered.forEach(ledger::putInPlan);
        // The signed plan acknowledges the debts it covers (Code civil 2240): their limitation clock restarts.
        ledger.acknowledge(covered, LocalDate.now(clock), approvedBy, "payment plan " + planId);
        plan.start(approvedBy);
    }

    @Transactional
    public Standing check(Long planId) {
        PaymentPlan plan = find(planId);
        BigDecimal paid = payments.receivedSince(plan.getCustomerId(), plan.getStartedAt());
        Installment missed = plan.settleUpTo(LocalDate.now(clock), paid);
        if (missed != null) {
            return Standing.MISSED;
        }
        return plan.nextPending() == null ? Standing.COMPLETE : Standing.ON_TRACK;
    }

    /** The due date of the next installment still pending (ISO date), for the plan's timer. */
    @Transactional(readOnly = true)
    public String nextDueDate(Long planId) {
        Installment next = find(planId).nextPending();
        return next == null ? null : next.getDueDate().toString();
    }

    /** The immediate reminder after a missed installment; a plan missed twice records it twice. */
    @Transactional
    public void remindMissedInstallment(Long planId, int occurrence) {
        PaymentPlan plan = find(planId);
        communications.record(plan.getCaseId() + "/plan-" + planId + "/missed-" + occurrence, plan.getCaseId(),
                plan.getCustomerId(), CommunicationStep.MISSED_INSTALLMENT_NOTICE,
                ledger.byIds(plan.getInvoiceIds()).stream().filter(i -> i.getOutstandingAmount().signum() > 0).toList(),
                schedule(plan));
    }

    private static List<CommunicationLog.Installment> schedule(PaymentPlan plan) {
        return plan.getInstallments().stream()
                .map(installment -> new CommunicationLog.Installment(installment.getDueDate(), installment.getAmount()))
                .toList();
    }

    /** Kept or broken, the plan's invoices that are still owed go back to the reminders. */
    @Transactional
    public void end(Long planId, boolean kept) {
        PaymentPlan plan = find(planId);
        ledger.byIds(plan.getInvoiceIds()).forEach(ledger::takeOutOfPlan);
        plan.end(kept);
    }

    /**
     * The case ended because everything owed was paid: a running plan was kept, a plan still
     * awaiting approval has no more object.
     */
    @Transactional
    public void closeForSettledCase(String caseId) {
        for (PaymentPlan plan : plans.findByCaseIdAndStatusIn(caseId,
                java.util.List.of(PaymentPlan.Status.PROPOSED, PaymentPlan.Status.ACTIVE))) {
            if (plan.getStatus() == PaymentPlan.Status.ACTIVE) {
                end(plan.getId(), true);
            } else {
                plan.reject();
            }
        }
    }

    @Transactional(readOnly = true)
    public PaymentPlan get(Long planId) {
        return find(planId);
    }

    private PaymentPlan find(Long planId) {
        return plans.findById(planId).orElseThrow(() -> new NotFoundException("No payment plan with id " + planId + "."));
    }
}
