package org.encaisse.config;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Replaces the wall of stack trace that an unreachable or misconfigured database causes at start-up
 * with one sentence saying which database and what to check.
 */
class DatabaseFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        DatabaseSettingsCheck.DatabaseSettingsException settings =
                find(failure, DatabaseSettingsCheck.DatabaseSettingsException.class);
        if (settings != null) {
            return new FailureAnalysis(settings.getMessage(),
                    "Set DB_URL, DB_USER and DB_PASSWORD, or run without the mariadb profile to use H2.", failure);
        }
        FailureAnalysis isolation = isolation(failure);
        if (isolation != null) {
            return isolation;
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql == null) {
            return null;
        }
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        String reason = deepestMessage(sql);
        return new FailureAnalysis(
                "Encaisse cannot use its database at " + (url == null ? "(no URL set)" : url) + ": " + reason,
                "Check that the database server is running and reachable, and that DB_URL, DB_USER and DB_PASSWORD "
                        + "(profile mariadb) name an existing database and an account allowed to use it.",
                failure);
    }

    /** The engine's own check (ENGINE-12019): under REPEATABLE READ its optimistic locking misses concurrent changes. */
    private static FailureAnalysis isolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains("ENGINE-12019")) {
                Matcher level = Pattern.compile("isolation level[^']*'([A-Z_]+)'").matcher(message);
                String found = level.find() ? level.group(1).replace('_', ' ') : "another isolation level";
                return new FailureAnalysis("Encaisse needs its database sessions at READ COMMITTED; this one runs at "
                        + found + ".",
                        "Keep spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED (the default "
                                + "setting), or set transaction_isolation=READ-COMMITTED on the MariaDB server.", failure);
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String deepestMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message.strip().replaceAll("\\s+", " ");
    }
}
