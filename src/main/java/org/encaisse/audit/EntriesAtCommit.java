package org.encaisse.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit entries of one transaction, chained just before it commits. Registered as a transaction
 * synchronization rather than a bound resource: Spring suspends synchronizations with their transaction,
 * so an inner REQUIRES_NEW transaction gets entries of its own that commit (or vanish) with it.
 */
final class EntriesAtCommit implements TransactionSynchronization {

    private final AuditTrail trail;
    private final List<AuditTrail.Entry> entries = new ArrayList<>();

    private EntriesAtCommit(AuditTrail trail) {
        this.trail = trail;
    }

    static EntriesAtCommit of(AuditTrail trail) {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof EntriesAtCommit entries && entries.trail == trail) {
                return entries;
            }
        }
        EntriesAtCommit entries = new EntriesAtCommit(trail);
        TransactionSynchronizationManager.registerSynchronization(entries);
        return entries;
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
