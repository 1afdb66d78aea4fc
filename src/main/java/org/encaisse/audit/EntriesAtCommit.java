package org.encaisse.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit entries of one transaction, chained just before it commits. A transaction synchronization, so that
 * Spring suspends it with its transaction and an inner REQUIRES_NEW transaction gets entries of its own that
 * commit (or vanish) with it; bound as a resource while its transaction runs, to be found at once.
 */
final class EntriesAtCommit implements TransactionSynchronization {

    private final AuditTrail trail;
    private final List<AuditTrail.Entry> entries = new ArrayList<>();

    private EntriesAtCommit(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * The transaction's entries, found by a resource bound while the transaction runs: looking among the
     * synchronizations would copy and sort all of them at each entry, and a large import registers thousands.
     */
    static EntriesAtCommit of(AuditTrail trail) {
        if (TransactionSynchronizationManager.getResource(trail) instanceof EntriesAtCommit entries) {
            return entries;
        }
        EntriesAtCommit entries = new EntriesAtCommit(trail);
        TransactionSynchronizationManager.registerSynchronization(entries);
        TransactionSynchronizationManager.bindResource(trail, entries);
        return entries;
    }

    // An inner REQUIRES_NEW transaction suspends this one's synchronizations: its resource goes and comes with them.
    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(trail);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(trail, this);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(trail);
    }

    void add(AuditTrail.Entry entry) {
        entries.add(entry);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (entries.isEmpty()) {
            return;
        }
        // Pending JPA changes are written first: once the chain's head is locked, this transaction
        // must not wait for any other row, or it would hold every other committer up behind it.
        for (Object resource : TransactionSynchronizationManager.getResourceMap().values()) {
            if (resource instanceof EntityManagerHolder holder) {
                EntityManager entityManager = holder.getEntityManager();
                entityManager.flush();
            }
        }
        trail.chain(entries);
        entries.clear();
    }

    @Override
    public int getOrder() {
        // Last among the synchronizations, so that what others flush before commit is already written.
        return LOWEST_PRECEDENCE;
    }
}
