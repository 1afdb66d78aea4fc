package org.encaisse.access;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes sure the groups exist with their permissions and that someone can administer Encaisse. Outside the demo, start-up
 * refuses to run without an administrator given in the environment: no default password anywhere.
 */
@Component
class AccessBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);
    private static final int MINIMUM_PASSWORD_LENGTH = 8;

    private final Accounts accounts;
    private final EnginePermissions permissions;
    private final AdministratorProperties administrator;
    private final boolean demo;

    AccessBootstrap(Accounts accounts, EnginePermissions permissions, AdministratorProperties administrator,
                    @Value("${encaisse.demo.enabled:false}") boolean demo) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.administrator = administrator;
        this.demo = demo;
    }

    @Override
    public void afterPropertiesSet() {
        checkAdministrator();
        Groups.ALL.forEach(accounts::ensureGroup);
        permissions.apply(PermissionMatrix.GRANTS);
        if (administrator.isSet()) {
            accounts.ensureUser(administrator.user(), administrator.password(), "Administrateur", "Encaisse", null,
                    List.of(Groups.MANAGERS, Groups.CAMUNDA_ADMIN));
            log.info("Administrator '{}' is ready (groups managers, camunda-admin).", administrator.user());
        }
    }

    private void checkAdministrator() {
        if (!administrator.isSet()) {
            if (demo) {
                return;
            }
            throw new MissingAdministratorException("No administrator is configured: set ENCAISSE_ADMIN_USER and "
                    + "ENCAISSE_ADMIN_PASSWORD, or start the demo with ENCAISSE_DEMO_ENABLED=true.");
        }
        if (!administrator.user().matches("[a-zA-Z0-9]+")) {
            throw new MissingAdministratorException("ENCAISSE_ADMIN_USER '" + administrator.user()
                    + "' is not a valid Camunda user id: use letters and digits only.");
        }
        if (administrator.password().length() < MINIMUM_PASSWORD_LENGTH) {
            throw new MissingAdministratorException("ENCAISSE_ADMIN_PASSWORD is too short: use at least "
                    + MINIMUM_PASSWORD_LENGTH + " characters.");
        }
    }
}
