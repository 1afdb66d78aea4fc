package org.encaisse.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;

/** What the payment API retries rather than answering 500, and what it lets through. */
class TransientFailuresTests {

    @Test
    void retriesLockingFailuresWhereverTheyAreWrapped() {
        assertThat(TransientFailures.isTransient(new OptimisticLockingException("ENGINE-03005 entity was updated"))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotAcquireLockException("Lock wait timeout"))).isTrue();
        assertThat(TransientFailures.isTransient(new DuplicateKeyException("uk_payment_bank_reference"))).isTrue();
        // The engine flushing its message subscription into a MariaDB deadlock.
        SQLException deadlock = new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
        assertThat(TransientFailures.isTransient(new ProcessEngineException("ENGINE-03004 flush failed",
                new PersistenceException(deadlock)))).isTrue();
        assertThat(TransientFailures.isTransient(new ProcessEngineException("flush failed",
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)))).isTrue();
    }

    @Test
    void letsEveryOtherFailureThrough() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(TransientFailures.isTransient(new ProcessEngineException("no such process",
                new SQLException("Table doesn't exist", "42S02", 1146)))).isFalse();
    }
}
