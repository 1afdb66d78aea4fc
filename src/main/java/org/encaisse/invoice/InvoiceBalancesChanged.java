package org.encaisse.invoice;

import java.util.Collection;
import java.util.Set;

/**
 * What some customers owe changed (invoices imported, paid, credited or corrected), published in
 * the transaction that changed it, for the figures that keep a running total per customer.
 */
public record InvoiceBalancesChanged(Set<Long> customerIds) {

    public InvoiceBalancesChanged(Collection<Long> customerIds) {
        this(Set.copyOf(customerIds));
    }

    /**
     * The transaction's own set of changed customers, which grows as the transaction changes more of them: read
     * it before the transaction commits ({@code TransactionPhase.BEFORE_COMMIT}), not when the event arrives.
     */
    static InvoiceBalancesChanged growing(Set<Long> customerIds) {
        return new InvoiceBalancesChanged(customerIds);
    }
}
