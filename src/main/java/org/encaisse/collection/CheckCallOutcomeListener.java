package org.encaisse.collection;

import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/**
 * On completing Task_CallCustomer: each outcome must carry what its path needs (a future date and
 * an amount for a promise, one of the customer's invoices for a dispute, a date to call back), or
 * the task stays open with a message. Records who called.
 */
@Component
class CheckCallOutcomeListener implements TaskListener {

    private static final Set<String> OUTCOMES = Set.of(CallOutcome.PROMISE, CallOutcome.DISPUTE, CallOutcome.CLAIMS_PAID,
            CallOutcome.UNREACHABLE, CallOutcome.NO_AGREEMENT, CallOutcome.DIFFICULTY);

    private final InvoiceLedger ledger;
    private final CollectionCalendar calendar;
    private final TaskActor actor;

    CheckCallOutcomeListener(InvoiceLedger ledger, CollectionCalendar calendar, TaskActor actor) {
        this.ledger = ledger;
        this.calendar = calendar;
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        CallOutcome outcome = CallOutcome.of(task);
        LocalDate today = calendar.today();
        if (outcome.outcome() == null || !OUTCOMES.contains(outcome.outcome())) {
            throw new RejectedTaskInputException("Choisissez le résultat de l'appel. / Choose the outcome of the call.");
        }
        switch (outcome.outcome()) {
            case CallOutcome.PROMISE -> {
                if (outcome.promisedDate() == null || !outcome.promisedDate().isAfter(today)) {
                    throw new RejectedTaskInputException("La date promise doit être future. / The promised date must be in the future.");
                }
                if (outcome.promisedAmount() == null || outcome.promisedAmount().signum() <= 0) {
                    throw new RejectedTaskInputException("Indiquez le montant promis. / Enter the promised amount.");
                }
            }
            case CallOutcome.DISPUTE -> checkDisputedInvoice(task, outcome);
            case CallOutcome.UNREACHABLE -> {
                if (outcome.retryDate() == null || outcome.retryDate().isBefore(today)) {
                    throw new RejectedTaskInputException("Indiquez quand rappeler (aujourd'hui ou plus tard). / Enter when to call back.");
                }
            }
            default -> {
                // claims paid, no agreement and difficulty need nothing more here
            }
        }
        task.setVariable(CaseVariables.CALLED_BY, actor.of(task));
        task.setVariable(CaseVariables.CALLED_AT, org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().toString());
    }

    private void checkDisputedInvoice(DelegateTask task, CallOutcome outcome) {
        Long customerId = (Long) task.getVariable(CaseVariables.CUSTOMER_ID);
        Invoice invoice = outcome.disputedInvoice() == null ? null : ledger.find(outcome.disputedInvoice().strip()).orElse(null);
        if (invoice == null || !invoice.getCustomerId().equals(customerId)) {
            throw new RejectedTaskInputException("Indiquez une facture de ce client. / Enter one of this customer's invoices.");
        }
        if (outcome.disputeCategory() == null) {
            throw new RejectedTaskInputException("Choisissez la catégorie du litige. / Choose the dispute category.");
        }
    }
}
