package org.encaisse.bank;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.encaisse.collection.RejectedTaskInputException;
import org.springframework.stereotype.Component;

/**
 * On completing "Rapprocher le paiement": an answer that cannot be applied (no customer, an unknown invoice,
 * another customer's invoice) keeps the task open with why, rather than fail later in a job; who answered is
 * kept for the payment and the audit trail.
 */
@Component
class CheckPaymentMatchListener implements TaskListener {

    private final BankMatching matching;
    private final TaskActor actor;

    CheckPaymentMatchListener(BankMatching matching, TaskActor actor) {
        this.matching = matching;
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(BankMatchingVariables.DECISION);
        if (BankMatchingVariables.CUSTOMER_PAYMENT.equals(decision)) {
            Object customer = task.getVariable(BankMatchingVariables.CUSTOMER);
            Object invoices = task.getVariable(BankMatchingVariables.INVOICES);
            String refusal = matching.refusal(entryId(task), customer == null ? null : customer.toString(),
                    invoices == null ? null : invoices.toString());
            if (refusal != null) {
                throw new RejectedTaskInputException(refusal);
            }
        } else if (!BankMatchingVariables.NOT_CUSTOMER_PAYMENT.equals(decision)) {
            throw new RejectedTaskInputException("Dites si c'est le paiement d'un client ou une autre opération. / "
                    + "Say whether this is a customer's payment or something else.");
        }
        String who = actor.of(task);
        task.setVariable(BankMatchingVariables.MATCHED_BY, who == null ? "unknown" : who);
    }

    static long entryId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(BankMatchingVariables.BANK_ENTRY_ID)).longValue();
    }
}
