package org.encaisse.access;

import java.util.Collection;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Creates groups and users in Camunda's identity store, which the webapps and the API both log in against. */
@Service
public class Accounts {

    private final IdentityService identity;

    Accounts(IdentityService identity) {
        this.identity = identity;
    }

    void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** Creates the user, or resets its password, and adds it to the groups it lacks. */
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
        identity.saveUser(user);
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }
}
