package org.encaisse.collection;

import org.camunda.bpm.engine.RuntimeService;
import org.encaisse.payment.PaymentRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer's open case that money came in, in the payment's own transaction: the case
 * re-evaluates (paid invoices leave it, a zero balance ends it) in a job of its own.
 */
@Component
class PaymentCorrelation {

    private final RuntimeService runtime;

    PaymentCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void paymentRecorded(PaymentRecorded payment) {
        runtime.createMessageCorrelation(CaseVariables.PAYMENT_RECEIVED)
                .processInstanceBusinessKey(payment.customerExternalId())
                .correlateAll();
    }
}
