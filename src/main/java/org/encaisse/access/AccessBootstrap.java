package org.encaisse.access;

import java.util.List;

import org.camunda.bpm.engine.identity.PasswordPolicyResult;
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
    private static final String ADMIN_FIRST_NAME = "Administrateur";
    private static final String ADMIN_LAST_NAME = "Encaisse";

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
        permissions.withdraw(PermissionMatrix.WITHDRAWN);
        if (administrator.isSet()) {
            accounts.ensureUser(administrator.user(), administrator.password(), ADMIN_FIRST_NAME, ADMIN_LAST_NAME, null,
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
        // The administrator is held to the policy that Camunda Admin and /engine-rest apply to every other user.
        PasswordPolicyResult policy = accounts.checkPassword(administrator.user(), ADMIN_FIRST_NAME, ADMIN_LAST_NAME,
                administrator.password());
        if (!policy.isValid()) {
            throw new MissingAdministratorException("ENCAISSE_ADMIN_PASSWORD does not meet the password policy: "
                    + PasswordRules.violated(policy) + ".");
        }
    }
}
