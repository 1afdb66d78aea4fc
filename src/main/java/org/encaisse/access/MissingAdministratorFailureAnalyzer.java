package org.encaisse.access;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MissingAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdministratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingAdministratorException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set ENCAISSE_ADMIN_USER and ENCAISSE_ADMIN_PASSWORD (at least 8 characters) in the environment.", cause);
    }
}
