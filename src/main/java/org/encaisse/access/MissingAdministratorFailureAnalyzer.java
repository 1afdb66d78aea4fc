package org.encaisse.access;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MissingAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdministratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingAdministratorException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set ENCAISSE_ADMIN_USER and ENCAISSE_ADMIN_PASSWORD in the environment (a password of at least 10 characters, "
                        + "with a lower-case and an upper-case letter, a digit and a special character, not containing the user id).", cause);
    }
}
