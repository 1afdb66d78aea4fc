package org.encaisse.collection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.NativeProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.encaisse.input.QueryChunks;
import org.encaisse.payment.PaymentRecorded;
import org.encaisse.payment.PaymentsRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer's open case that money came in, in the payment's own transaction: the case
 * re-evaluates (paid invoices leave it, a zero balance ends it) in a job of its own.
 */
@Component
class PaymentCorrelation {

    private final RuntimeService runtime;
    private final ManagementService management;

    PaymentCorrelation(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    @EventListener
    void paymentRecorded(PaymentRecorded payment) {
        correlate(payment.customerExternalId());
    }

    /**
     * A batch's payers. Most of a bank statement's payers have no case waiting: those that have are found a thousand
     * customers a query, and only they are correlated, each once, as a single payment would correlate them.
     */
    @EventListener
    void paymentsRecorded(PaymentsRecorded payments) {
        for (List<String> chunk : QueryChunks.of(payments.customerExternalIds().stream().distinct().toList())) {
            waitingForPayment(chunk).forEach(this::correlate);
        }
    }

    private void correlate(String customerExternalId) {
        runtime.createMessageCorrelation(CaseVariables.PAYMENT_RECEIVED)
                .processInstanceBusinessKey(customerExternalId)
                .correlateAll();
    }

    /** The business keys among {@code keys} of process instances with an execution waiting for a payment. */
    private List<String> waitingForPayment(List<String> keys) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("message", CaseVariables.PAYMENT_RECEIVED);
        IntStream.range(0, keys.size()).forEach(i -> parameters.put("key" + i, keys.get(i)));
        String executions = management.getTableName(ExecutionEntity.class);
        String subscriptions = management.getTableName(EventSubscriptionEntity.class);
        NativeProcessInstanceQuery query = runtime.createNativeProcessInstanceQuery().sql(
                "SELECT p.* FROM " + executions + " p WHERE p.ID_ = p.PROC_INST_ID_ AND p.BUSINESS_KEY_ IN ("
                        + IntStream.range(0, keys.size()).mapToObj(i -> "#{key" + i + "}").collect(Collectors.joining(", "))
                        + ") AND EXISTS (SELECT 1 FROM " + subscriptions + " s WHERE s.PROC_INST_ID_ = p.ID_"
                        + " AND s.EVENT_TYPE_ = 'message' AND s.EVENT_NAME_ = #{message})");
        parameters.forEach(query::parameter);
        return query.list().stream().map(ProcessInstance::getBusinessKey).distinct().toList();
    }
}
