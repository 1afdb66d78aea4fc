package org.encaisse.access;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.springframework.stereotype.Component;

/**
 * Writes the permission matrix into the engine's authorizations at start-up. Each row is set to
 * exactly the matrix's permissions, so a permission taken out of the matrix is taken away on the
 * next start rather than left behind.
 */
@Component
class EnginePermissions {

    private final AuthorizationService authorizations;

    EnginePermissions(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    void apply(List<PermissionMatrix.Grant> grants) {
        grants.forEach(this::apply);
    }

    /** Deletes these group grants where an earlier start wrote them. */
    void withdraw(List<PermissionMatrix.Grant> grants) {
        for (PermissionMatrix.Grant grant : grants) {
            authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId()).list()
                    .forEach(found -> authorizations.deleteAuthorization(found.getId()));
        }
    }

    private void apply(PermissionMatrix.Grant grant) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(grant.group())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
        authorizations.saveAuthorization(authorization);
    }
}
