package org.encaisse.collection;

import java.time.LocalDate;
import java.time.Period;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns the managers, in the customer's collection case, of each debt still owed whose claim expires within
 * the configured time (six months by default): one task "Créance bientôt prescrite" per invoice and limitation
 * date. The warning and the mark that it was given commit together, so a retried or repeated run warns once,
 * and a clock restarted by an acknowledgment warns again when its new date comes near.
 */
@Service
public class LimitationWatch {

    static final String MESSAGE = "Msg_ClaimNearingLimitation";
    static final String INVOICE = "limitedInvoice";
    static final String LIMITATION_DATE = "limitationDate";
    static final String OUTSTANDING = "limitedOutstanding";

    private static final Logger log = LoggerFactory.getLogger(LimitationWatch.class);

    private final InvoiceLedger ledger;
    private final CustomerDirectory customers;
    private final CollectionCases cases;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final Period warningBefore;

    LimitationWatch(InvoiceLedger ledger, CustomerDirectory customers, CollectionCases cases, RuntimeService runtime,
                    TransactionTemplate transaction,
                    @Value("${encaisse.limitation.warning-before:P6M}") Period warningBefore) {
        this.ledger = ledger;
        this.customers = customers;
        this.cases = cases;
        this.runtime = runtime;
        this.transaction = transaction;
        this.warningBefore = warningBefore;
    }

    /** Raises the warnings due on {@code asOf}; returns how many. Run it outside a transaction. */
    public int warn(LocalDate asOf) {
        LocalDate until = asOf.plus(warningBefore);
        int warned = 0;
        for (Invoice nearing : ledger.nearingLimitationUnwarned(until)) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> warnOf(nearing.getNumber(), until)))) {
                    warned++;
                }
            } catch (RuntimeException e) {
                log.error("Invoice {} nears its limitation date {}, but its managers could not be warned; the next run "
                        + "tries again.", nearing.getNumber(), nearing.limitationDate(), e);
            }
        }
        return warned;
    }

    private boolean warnOf(String number, LocalDate until) {
        Invoice invoice = ledger.get(number);
        if (invoice.limitationDate() == null || invoice.limitationDate().isAfter(until)
                || invoice.limitationDate().equals(invoice.getLimitationWarnedFor())) {
            return false;
        }
        String customer = customers.get(invoice.getCustomerId()).getExternalId();
        ProcessInstance openCase = cases.openCaseOf(customer).orElse(null);
        if (openCase == null) {
            // Owed but chased by no case (still before its first step, or a case that ended at the agency):
            // the list GET /api/analytics/limitation shows it all the same.
            log.warn("Invoice {} of {} expires on {} and its customer has no open collection case to warn in.",
                    number, customer, invoice.limitationDate());
            return false;
        }
        runtime.createMessageCorrelation(MESSAGE).processInstanceId(openCase.getId())
                .setVariables(Variables.createVariables()
                        // Transient: the task copies them into its own scope, and two warnings at once stay apart.
                        .putValueTyped(INVOICE, Variables.stringValue(number, true))
                        .putValueTyped(LIMITATION_DATE, Variables.stringValue(invoice.limitationDate().toString(), true))
                        .putValueTyped(OUTSTANDING, Variables.stringValue(invoice.getOutstandingAmount().toPlainString()
                                + " " + invoice.getCurrency(), true)))
                .correlateWithResult();
        ledger.limitationWarned(invoice);
        return true;
    }
}
