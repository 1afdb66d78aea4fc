package org.encaisse.invoice;

import java.util.HashSet;
import java.util.Set;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The customers whose balances a transaction has already announced as changed. Those who listen recompute a
 * customer once, just before the transaction commits, from what it then holds: a second announcement would
 * only make them do it again, and an import that settles ten thousand invoices would register twenty thousand
 * synchronizations for it.
 */
final class BalanceAnnouncements implements TransactionSynchronization {

    private static final Object KEY = new Object();

    private final Set<Long> announced = new HashSet<>();

    /** Whether this transaction has not announced the customer yet (always, outside a transaction). */
    static boolean firstFor(Long customerId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return true;
        }
        BalanceAnnouncements current = (BalanceAnnouncements) TransactionSynchronizationManager.getResource(KEY);
        if (current == null) {
            current = new BalanceAnnouncements();
            TransactionSynchronizationManager.registerSynchronization(current);
            TransactionSynchronizationManager.bindResource(KEY, current);
        }
        return current.announced.add(customerId);
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
