package org.encaisse.access;

import java.util.Collection;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Service;

/** Creates groups and users in Camunda's identity store, which the webapps and the API both log in against. */
@Service
public class Accounts {

    private final IdentityService identity;

    Accounts(IdentityService identity) {
        this.identity = identity;
    }

    PasswordPolicyResult checkPassword(String id, String firstName, String lastName, String password) {
        User candidate = identity.newUser(id);
        candidate.setFirstName(firstName);
        candidate.setLastName(lastName);
        return identity.checkPasswordAgainstPolicy(password, candidate);
    }

    void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /**
     * Creates the user, or resets its password, and adds it to the groups it lacks. The engine's password
     * policy is the caller's to check: the administrator's is checked at start-up, the demo's is public anyway.
     */
    public void ensureUser(String id, String password, String firstName, String lastName, String email,
                           Collection<String> groups) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
        }
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        // The engine's own way to skip its policy (IdentityService has no such method; the implementation does).
        ((IdentityServiceImpl) identity).saveUser(user, true);
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }
}
