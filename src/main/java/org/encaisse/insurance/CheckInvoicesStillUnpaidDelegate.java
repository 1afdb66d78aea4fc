package org.encaisse.insurance;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckInvoicesStillUnpaid: what is still owed on the declaration's invoices, as the managers' form shows it. */
@Component
class CheckInvoicesStillUnpaidDelegate implements JavaDelegate {

    private final DeclarationDesk desk;

    CheckInvoicesStillUnpaidDelegate(DeclarationDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean unpaid = desk.stillUnpaid(execution.getProcessInstanceId());
        execution.setVariable("stillUnpaid", unpaid);
        if (unpaid) {
            InsuranceDeclaration declaration = desk.get(execution.getProcessInstanceId());
            NumberFormat money = NumberFormat.getNumberInstance(Locale.FRANCE);
            money.setMinimumFractionDigits(2);
            money.setMaximumFractionDigits(2);
            execution.setVariable("invoicesToDeclare", declaration.getInvoices().stream()
                    .map(line -> "%s — échue le %s — %s %s".formatted(line.number(), line.dueDate(),
                            money.format(line.outstanding()), line.currency()))
                    .collect(Collectors.joining("\n")));
            execution.setVariable("declaredAmount", money.format(DeclarationDesk.total(declaration.getInvoices()))
                    + " " + declaration.getInvoices().get(0).currency());
        }
    }
}
