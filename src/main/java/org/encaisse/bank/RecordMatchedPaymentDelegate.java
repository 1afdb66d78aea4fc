package org.encaisse.bank;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the payment as the collector matched it; once, however often the job runs. */
@Component
class RecordMatchedPaymentDelegate implements JavaDelegate {

    private final BankMatching matching;

    RecordMatchedPaymentDelegate(BankMatching matching) {
        this.matching = matching;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object invoices = execution.getVariable(BankMatchingVariables.INVOICES);
        matching.matchByHand(CheckPaymentMatchListener.entryId(execution),
                execution.getVariable(BankMatchingVariables.CUSTOMER).toString(),
                invoices == null ? null : invoices.toString(),
                String.valueOf(execution.getVariable(BankMatchingVariables.MATCHED_BY)));
    }
}
