package org.encaisse.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.encaisse.analytics.AgingSnapshot;
import org.encaisse.analytics.ReceivablesFigures;
import org.encaisse.communication.PreDueReminders;
import org.encaisse.insurance.InsuranceWatch;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.letter.StatutoryRateWatch;
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
    private final CollectionCases cases;
    private final PreCollectionCalls preCollectionCalls;
    private final PreDueReminders preDueReminders;
    private final AgingSnapshot agingSnapshot;
    private final ReceivablesFigures receivables;
    private final LimitationWatch limitationWatch;
    private final StatutoryRateWatch rateWatch;
    private final InsuranceWatch insuranceWatch;
    private final ManagementService management;
    private final TransactionTemplate transaction;

    AgingRun(InvoiceLedger ledger, CollectionCases cases,
             PreCollectionCalls preCollectionCalls, PreDueReminders preDueReminders, AgingSnapshot agingSnapshot,
             ReceivablesFigures receivables, LimitationWatch limitationWatch, StatutoryRateWatch rateWatch,
             InsuranceWatch insuranceWatch, ManagementService management,
             TransactionTemplate transaction) {
        this.limitationWatch = limitationWatch;
        this.insuranceWatch = insuranceWatch;
        this.rateWatch = rateWatch;
        this.agingSnapshot = agingSnapshot;
        this.receivables = receivables;
        this.preDueReminders = preDueReminders;
        this.ledger = ledger;
        this.cases = cases;
        this.preCollectionCalls = preCollectionCalls;
        this.management = management;
        this.transaction = transaction;
    }

    /**
     * {@code advanced}: open cases whose next step (a reminder, a letter, a deadline) fell due by now,
     * which the job executor carries out at once. {@code failures}: the customers this run could not
     * review, each with the reason; the others were reviewed all the same.
     */
    public record Result(LocalDate asOf, int customersWithOverdue, int opened, int joined, long advanced,
                         int preDueCallsScheduled, int preDueRemindersRecorded, int limitationWarnings,
                         int insuranceDeclarationsStarted, List<String> failures) {
    }

    /**
     * Each customer in a transaction of its own, so that one failure does not undo or hold up the others.
     * Run it outside any transaction: inside one, every customer would join it and the day would commit
     * (or roll back) as a whole.
     */
    public Result run(LocalDate asOf) {
        // The day's aged balance per customer first: the dashboard's first load reads it.
        transaction.executeWithoutResult(status -> agingSnapshot.rebuild(asOf));
        receivables.warm();
        int opened = 0;
        int joined = 0;
        List<String> failures = new ArrayList<>();
        var withOverdue = ledger.customersWithOverdue(asOf);
        for (Long customerId : withOverdue) {
            try {
                switch (transaction.execute(status -> cases.review(customerId, asOf))) {
                    case OPENED -> opened++;
                    case JOINED -> joined++;
                    case UNCHANGED -> { }
                }
            } catch (RuntimeException e) {
                log.error("Aging run of {}: customer {} could not be reviewed; the run goes on with the others.", asOf,
                        customerId, e);
                failures.add("customer " + customerId + ": " + e.getMessage());
            }
        }
        int calls = preCollectionCalls.schedule(asOf);
        int courtesy = preDueReminders.record(asOf);
        // After the reviews, so that a debt nearing its limitation has the case its warning goes to.
        int limitationWarnings = limitationWatch.warn(asOf);
        transaction.executeWithoutResult(status -> rateWatch.askIfDue(asOf));
        int declarations = insuranceWatch.startDeclarations(asOf);
        long advanced = management.createJobQuery().processDefinitionKey(CaseVariables.PROCESS).timers()
                .duedateLowerThan(ClockUtil.getCurrentTime()).count();
        Result result = new Result(asOf, withOverdue.size(), opened, joined, advanced, calls, courtesy,
                limitationWarnings, declarations, List.copyOf(failures));
        log.info("Aging run of {}: {} customers with overdue invoices, {} cases opened, {} joined by new overdue invoices, "
                + "{} advancing, {} pre-due calls scheduled, {} pre-due reminders recorded, {} limitation warnings, {} insurance declarations started, {} customers failed.",
                asOf, result.customersWithOverdue(), opened, joined, advanced, calls, courtesy, limitationWarnings,
                declarations, failures.size());
        return result;
    }
}
