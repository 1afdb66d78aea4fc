package org.encaisse.collection;

import java.time.LocalDate;

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
    private final TransactionTemplate transaction;

    AgingRun(InvoiceLedger ledger, CustomerDirectory customers, CollectionCases cases,
             PreCollectionCalls preCollectionCalls, TransactionTemplate transaction) {
        this.ledger = ledger;
        this.customers = customers;
        this.cases = cases;
        this.preCollectionCalls = preCollectionCalls;
        this.transaction = transaction;
    }

    public record Result(LocalDate asOf, int customersWithOverdue, int opened, int joined, int preDueCallsScheduled) {
    }

    /** Each customer in a transaction of its own, so that one failure does not undo the others. */
    public Result run(LocalDate asOf) {
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
        Result result = new Result(asOf, withOverdue.size(), opened, joined, calls);
        log.info("Aging run of {}: {} customers with overdue invoices, {} cases opened, {} joined by new overdue invoices, "
                + "{} pre-due calls scheduled.", asOf, result.customersWithOverdue(), opened, joined, calls);
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
