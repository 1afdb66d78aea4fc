package org.encaisse.bank;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names the matching task after the payment ("Rapprocher le paiement · 1 250,00 € — SARL DUPONT, 02/12/2026")
 * and puts the payer's words in its description, so that the Tasklist card says which transfer it is.
 */
@Component
class PaymentHeadlineListener implements TaskListener {

    private static final int TASK_NAME_LENGTH = 255;

    @Override
    public void notify(DelegateTask task) {
        // The process's variables, in memory: the new task's own would be read from the database, and it has none.
        Object headline = task.getExecution().getVariable(BankMatchingVariables.HEADLINE);
        if (headline == null) {
            return;
        }
        String name = (task.getName() == null ? "Rapprocher le paiement" : task.getName()) + " · " + headline;
        task.setName(name.length() <= TASK_NAME_LENGTH ? name : name.substring(0, TASK_NAME_LENGTH - 1) + "…");
        Object candidates = task.getExecution().getVariable(BankMatchingVariables.CANDIDATES_SUMMARY);
        if (candidates != null) {
            String first = candidates.toString().lines().findFirst().orElse("");
            task.setDescription(first.length() <= 4000 ? first : first.substring(0, 4000));
        }
    }
}
