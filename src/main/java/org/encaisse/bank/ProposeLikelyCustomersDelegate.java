package org.encaisse.bank;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives "Rapprocher le paiement" what the collector reads and the answer it pre-fills: the payment, and the
 * customers it most likely comes from as the ledger stands now. Running it again only writes the same again.
 */
@Component
class ProposeLikelyCustomersDelegate implements JavaDelegate {

    private final BankMatching matching;

    ProposeLikelyCustomersDelegate(BankMatching matching) {
        this.matching = matching;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(matching.proposal(CheckPaymentMatchListener.entryId(execution)));
    }
}
