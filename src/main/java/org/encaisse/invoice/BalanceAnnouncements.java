package org.encaisse.invoice;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The customers whose balances a transaction changed, announced in one {@link InvoiceBalancesChanged} per
 * transaction. Those who listen recompute the customers just before the transaction commits, from what it then
 * holds: the first change publishes the event with this transaction's set, and every later customer joins that
 * set, so that an import settling ten thousand invoices of five thousand customers has them recomputed in a few
 * queries a thousand customers, rather than in one event, and its queries, per customer.
 */
final class BalanceAnnouncements implements TransactionSynchronization {

    private static final Object KEY = new Object();

    private final Set<Long> announced = new HashSet<>();

    /**
     * The set to publish when the transaction announces its first customer; empty when an event of this
     * transaction already carries the set, the customer now in it. Outside a transaction, the customer alone.
     */
    static Optional<Set<Long>> toPublish(Long customerId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.of(Set.of(customerId));
        }
        BalanceAnnouncements current = (BalanceAnnouncements) TransactionSynchronizationManager.getResource(KEY);
        if (current != null) {
            current.announced.add(customerId);
            return Optional.empty();
        }
        current = new BalanceAnnouncements();
        TransactionSynchronizationManager.registerSynchronization(current);
        TransactionSynchronizationManager.bindResource(KEY, current);
        current.announced.add(customerId);
        return Optional.of(java.util.Collections.unmodifiableSet(current.announced));
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(KEY, this);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }
}
