package org.encaisse.collection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One collection case per customer account at a time: a CollectionCaseProcess instance whose
 * business key is the customer's external id, so that Cockpit and Tasklist find it by that id.
 */
@Service
public class CollectionCases {

    private final RuntimeService runtime;
    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;

    CollectionCases(RuntimeService runtime, CustomerDirectory customers, InvoiceLedger ledger) {
        this.runtime = runtime;
        this.customers = customers;
        this.ledger = ledger;
    }

    public Optional<ProcessInstance> openCaseOf(String customerExternalId) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery()
                .processDefinitionKey(CaseVariables.PROCESS)
                .processInstanceBusinessKey(customerExternalId)
                .singleResult());
    }

    /** What the day's aging did to a customer's account. */
    public enum Review {
        /** A case opened for its overdue invoices. */
        OPENED,
        /** Its open case goes on, and invoices that fell due after the case's own due date join its next step. */
        JOINED,
        /** Nothing overdue, or an open case that already covers everything overdue. */
        UNCHANGED
    }

    /**
     * Opens the customer's case if it has overdue invoices and no open case. The customer's row stays
     * locked until the transaction ends, so two aging runs at once (the morning timer on two nodes, or
     * the timer and a manager's run) cannot both find no case and open two.
     */
    @Transactional
    public Review review(Long customerId, LocalDate asOf) {
        Customer customer = customers.lock(customerId);
        List<Invoice> overdue = ledger.overdue(customerId, asOf);
        if (overdue.isEmpty()) {
            return Review.UNCHANGED;
        }
        Optional<ProcessInstance> open = openCaseOf(customer.getExternalId());
        if (open.isPresent()) {
            LocalDate caseDueDate = caseDueDate(open.get().getId());
            return overdue.stream().anyMatch(invoice -> invoice.getDueDate().isAfter(caseDueDate))
                    ? Review.JOINED : Review.UNCHANGED;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CUSTOMER_ID, customerId);
        variables.put(CaseVariables.CUSTOMER_EXTERNAL_ID, customer.getExternalId());
        variables.put(CaseVariables.CASE_DUE_DATE, overdue.get(0).getDueDate().toString());
        variables.put(CaseVariables.RISK_RATING, customer.getRiskRating() == null ? null : customer.getRiskRating().name());
        variables.put(CaseVariables.SEGMENT, customer.getSegment());
        variables.put(CaseVariables.OVERDUE_INVOICES, overdue.size());
        runtime.startProcessInstanceByKey(CaseVariables.PROCESS, customer.getExternalId(), variables);
        return Review.OPENED;
    }

    private LocalDate caseDueDate(String processInstanceId) {
        return LocalDate.parse((String) runtime.getVariable(processInstanceId, CaseVariables.CASE_DUE_DATE));
    }

    /** How many overdue invoices the customer still owes, chased or in a plan: zero ends the case. */
    @Transactional(readOnly = true)
    public int overdueInvoices(Long customerId, LocalDate asOf) {
        return ledger.overdueIncludingPlans(customerId, asOf).size();
    }
}
