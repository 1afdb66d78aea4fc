package org.encaisse.communication;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The courtesy email before invoices fall due: one per customer and due date, listing the
 * invoices due that day. Keyed by customer and due date, so a daily run that is repeated, or that
 * missed a day, records each reminder once.
 */
@Service
public class PreDueReminders {

    private final InvoiceLedger ledger;
    private final CommunicationLog log;
    private final TransactionTemplate transaction;
    private final int daysBeforeDue;

    PreDueReminders(InvoiceLedger ledger, CommunicationLog log, TransactionTemplate transaction,
                    @Value("${encaisse.pre-due-reminder.days-before-due:5}") int daysBeforeDue) {
        this.ledger = ledger;
        this.log = log;
        this.transaction = transaction;
        this.daysBeforeDue = daysBeforeDue;
    }

    /** @return how many reminders this run recorded (those recorded by an earlier run excluded) */
    public int record(LocalDate asOf) {
        if (daysBeforeDue <= 0) {
            return 0;
        }
        Map<String, List<Invoice>> byCustomerAndDueDate = ledger.fallingDue(asOf, daysBeforeDue).stream()
                .collect(Collectors.groupingBy(invoice -> invoice.getCustomerId() + "/" + invoice.getDueDate(),
                        LinkedHashMap::new, Collectors.toList()));
        int recorded = 0;
        for (Map.Entry<String, List<Invoice>> group : byCustomerAndDueDate.entrySet()) {
            String key = "pre-due/" + group.getKey();
            Boolean isNew = transaction.execute(status -> {
                if (log.isRecorded(key)) {
                    return false;
                }
                Invoice first = group.getValue().get(0);
                return log.record(key, null, first.getCustomerId(), CommunicationStep.PRE_DUE_REMINDER, group.getValue())
                        .isPresent();
            });
            if (Boolean.TRUE.equals(isNew)) {
                recorded++;
            }
        }
        return recorded;
    }
}
