package org.encaisse.collection;

import java.time.LocalDate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.encaisse.analytics.AgingSnapshot;
import org.encaisse.analytics.ReceivablesFigures;
import org.encaisse.communication.PreDueReminders;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.InvoiceLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily look at the ledger: a customer with overdue invoices and no open case gets one; one
 * with an open case keeps it, and the invoices that fell due since it opened join it (every step
 * covers all of the customer's overdue invoices). Invoices falling due soon get their pre-due call
 * when the pre-collection decision says so.
 */
@Service
public class AgingRun {

    private static final Logger log = LoggerFactory.getLogger(AgingRun.class);

    private final InvoiceLedger ledger;
    private final CustomerDirectory customers;
    private final CollectionCases cases;
    private final PreCollectionCalls preCollectionCalls;
    private final PreDueReminders preDueReminders;
    private final AgingSnapshot agingSnapshot;
    private final ReceivablesFigures receivables;
    private final ManagementService management;
    private final TransactionTemplate transaction;

    AgingRun(InvoiceLedger ledger, CustomerDirectory customers, CollectionCases cases,
             PreCollectionCalls preCollectionCalls, PreDueReminders preDueReminders, AgingSnapshot agingSnapshot,
             ReceivablesFigures receivables, ManagementService management, TransactionTemplate transaction) {
        this.agingSnapshot = agingSnapshot;
        this.receivables = receivables;
        this.preDueReminders = preDueReminders;
        this.ledger = ledger;
        this.customers = customers;
        this.cases = cases;
        this.preCollectionCalls = preCollectionCalls;
        this.management = management;
        this.transaction = transaction;
    }

    /**
     * {@code advanced}: open cases whose next step (a reminder, a letter, a deadline) fell due by now,
     * which the job executor carries out at once.
     */
    public record Result(LocalDate asOf, int customersWithOverdue, int opened, int joined, long advanced,
                         int preDueCallsScheduled, int preDueRemindersRecorded) {
    }

    /** Each customer in a transaction of its own, so that one failure does not undo the others. */
    public Result run(LocalDate asOf) {
        // The day's aged balance per customer first: the dashboard's first load reads it.
        transaction.executeWithoutResult(status -> agingSnapshot.rebuild(asOf));
        receivables.warm();
        int opened = 0;
        int joined = 0;
        var withOverdue = ledger.customersWithOverdue(asOf);
        for (Long customerId : withOverdue) {
            Boolean isNew = transaction.execute(status -> cases.open(customerId, asOf).isPresent());
            if (Boolean.TRUE.equals(isNew)) {
                opened++;
            } else if (joinedSinceOpening(customerId, asOf)) {
                joined++;
            }
        }
        int calls = preCollectionCalls.schedule(asOf);
        int courtesy = preDueReminders.record(asOf);
        long advanced = management.createJobQuery().processDefinitionKey(CaseVariables.PROCESS).timers()
                .duedateLowerThan(ClockUtil.getCurrentTime()).count();
        Result result = new Result(asOf, withOverdue.size(), opened, joined, advanced, calls, courtesy);
        log.info("Aging run of {}: {} customers with overdue invoices, {} cases opened, {} joined by new overdue invoices, "
                + "{} advancing, {} pre-due calls scheduled, {} pre-due reminders recorded.", asOf,
                result.customersWithOverdue(), opened, joined, advanced, calls, courtesy);
        return result;
    }

    /** An invoice fell due after the open case's own due date: it joins the case's next step. */
    private boolean joinedSinceOpening(Long customerId, LocalDate asOf) {
        Customer customer = customers.get(customerId);
        return cases.openCaseOf(customer.getExternalId())
                .map(instance -> cases.caseDueDate(instance.getId()))
                .map(caseDueDate -> ledger.overdue(customerId, asOf).stream()
                        .anyMatch(invoice -> invoice.getDueDate().isAfter(caseDueDate)))
                .orElse(false);
    }
}
