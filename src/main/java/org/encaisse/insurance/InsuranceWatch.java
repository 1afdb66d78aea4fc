package org.encaisse.insurance;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The aging run's look at insured customers: one that has overdue invoices no declaration holds yet, and no
 * declaration under way, gets a CreditInsuranceProcess, which works out the deadline and watches it.
 */
@Service
public class InsuranceWatch {

    static final String PROCESS = "CreditInsuranceProcess";
    private static final Logger log = LoggerFactory.getLogger(InsuranceWatch.class);

    private final InsuranceCoverBook covers;
    private final DeclarationDesk desk;
    private final CustomerDirectory customers;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    InsuranceWatch(InsuranceCoverBook covers, DeclarationDesk desk, CustomerDirectory customers, RuntimeService runtime,
                   TransactionTemplate transaction) {
        this.covers = covers;
        this.desk = desk;
        this.customers = customers;
        this.runtime = runtime;
        this.transaction = transaction;
    }

    /** Starts the declarations due as of {@code asOf}, each in its own transaction; returns how many started. */
    public int startDeclarations(LocalDate asOf) {
        List<InsuranceCover> covering = covers.allCovering();
        if (covering.isEmpty()) {
            return 0;
        }
        Set<String> underWay = new HashSet<>();
        for (ProcessInstance running : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()) {
            underWay.add(running.getBusinessKey());
        }
        Map<Long, Customer> byId = new java.util.HashMap<>();
        customers.all(covering.stream().map(InsuranceCover::getCustomerId).toList())
                .forEach(customer -> byId.put(customer.getId(), customer));
        int started = 0;
        for (InsuranceCover cover : covering) {
            Customer customer = byId.get(cover.getCustomerId());
            if (customer == null || underWay.contains(customer.getExternalId())) {
                continue;
            }
            try {
                Boolean start = transaction.execute(status -> {
                    if (!desk.hasUndeclaredOverdue(customer.getId(), asOf)) {
                        return false;
                    }
                    runtime.startProcessInstanceByKey(PROCESS, customer.getExternalId(), Map.of(
                            "customerId", customer.getId(), "insurer", cover.getInsurer(),
                            "policyNumber", cover.getPolicyNumber()));
                    return true;
                });
                if (Boolean.TRUE.equals(start)) {
                    started++;
                }
            } catch (RuntimeException e) {
                log.error("Insurance watch of {}: customer {} could not be looked at; the others are.", asOf,
                        customer.getExternalId(), e);
            }
        }
        return started;
    }
}
