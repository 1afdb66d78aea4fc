package org.encaisse.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Component;

/** Task_CheckInvoiceStillDue: no call for an invoice paid, disputed or otherwise settled since the call was planned. */
@Component
class CheckInvoiceStillDueDelegate implements JavaDelegate {

    private final InvoiceLedger ledger;

    CheckInvoiceStillDueDelegate(InvoiceLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean due = ledger.find((String) execution.getVariable("invoiceNumber")).map(ledger::isChased).orElse(false);
        execution.setVariable("invoiceStillDue", due);
    }
}
