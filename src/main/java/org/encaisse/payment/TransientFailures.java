package org.encaisse.payment;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Failures that concurrent work on the same rows causes and a fresh attempt clears. The engine
 * wraps a deadlock met while flushing its own rows (the case's message subscription, say) in a
 * plain ProcessEngineException, so the SQL cause is looked for down the chain.
 */
final class TransientFailures {

    /** MariaDB's "Deadlock found" and "Lock wait timeout exceeded". */
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException || cause instanceof OptimisticLockingException
                    // Two posts of one new bank reference: the loser meets the unique key, then finds the winner.
                    || cause instanceof DataIntegrityViolationException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK
                    || sql.getErrorCode() == LOCK_WAIT_TIMEOUT || "40001".equals(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
