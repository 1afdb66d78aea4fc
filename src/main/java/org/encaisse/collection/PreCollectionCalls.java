package org.encaisse.collection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedules the pre-due calls ("pré-recouvrement"): for each unpaid invoice falling due soon,
 * PreCollectionCallDecision says whether a call is worth it and how many days before the due
 * date; a PreCollectionCallProcess then waits for that day. One call per invoice, ever.
 */
@Service
public class PreCollectionCalls {

    static final String PROCESS = "PreCollectionCallProcess";
    static final String DECISION = "PreCollectionCallDecision";

    private final InvoiceLedger ledger;
    private final CustomerDirectory customers;
    private final DecisionService decisions;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TransactionTemplate transaction;
    private final int lookAheadDays;

    PreCollectionCalls(InvoiceLedger ledger, CustomerDirectory customers, DecisionService decisions, RuntimeService runtime,
                       HistoryService history, TransactionTemplate transaction,
                       @Value("${encaisse.pre-collection.look-ahead-days:10}") int lookAheadDays) {
        this.ledger = ledger;
        this.customers = customers;
        this.decisions = decisions;
        this.runtime = runtime;
        this.history = history;
        this.transaction = transaction;
        this.lookAheadDays = lookAheadDays;
    }

    /** @return how many calls were scheduled */
    public int schedule(LocalDate asOf) {
        int scheduled = 0;
        Map<Long, Customer> byId = new HashMap<>();
        for (Invoice invoice : ledger.fallingDue(asOf, lookAheadDays)) {
            if (hasCall(invoice.getNumber())) {
                continue;
            }
            Customer customer = byId.computeIfAbsent(invoice.getCustomerId(), customers::get);
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("riskRating", customer.getRiskRating() == null ? null : customer.getRiskRating().name());
            inputs.put("segment", customer.getSegment());
            inputs.put("amount", invoice.getAmount().doubleValue());
            DmnDecisionResultEntries advice = decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate()
                    .getSingleResult();
            if (advice == null || !Boolean.TRUE.equals(advice.get("callBeforeDueDate"))) {
                continue;
            }
            LocalDate callDate = invoice.getDueDate().minusDays(((Number) advice.get("daysBeforeDue")).longValue());
            Map<String, Object> variables = new HashMap<>();
            variables.put("invoiceNumber", invoice.getNumber());
            variables.put(CaseVariables.CUSTOMER_ID, customer.getId());
            variables.put(CaseVariables.CUSTOMER_EXTERNAL_ID, customer.getExternalId());
            variables.put("dueDate", invoice.getDueDate().toString());
            variables.put("callDate", (callDate.isBefore(asOf) ? asOf : callDate).toString());
            transaction.executeWithoutResult(status ->
                    runtime.startProcessInstanceByKey(PROCESS, invoice.getNumber(), variables));
            scheduled++;
        }
        return scheduled;
    }

    private boolean hasCall(String invoiceNumber) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(invoiceNumber).count() > 0;
    }
}
