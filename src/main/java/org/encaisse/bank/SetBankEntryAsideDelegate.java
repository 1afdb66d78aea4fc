package org.encaisse.bank;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets aside an entry the collector said is not a customer's payment. */
@Component
class SetBankEntryAsideDelegate implements JavaDelegate {

    private final BankMatching matching;

    SetBankEntryAsideDelegate(BankMatching matching) {
        this.matching = matching;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object comment = execution.getVariable(BankMatchingVariables.COMMENT);
        matching.setAside(CheckPaymentMatchListener.entryId(execution),
                String.valueOf(execution.getVariable(BankMatchingVariables.MATCHED_BY)),
                comment == null ? null : comment.toString());
    }
}
