package org.encaisse.demo;

import java.util.List;

import org.encaisse.access.Accounts;
import org.encaisse.access.Groups;
import org.springframework.stereotype.Component;

/** One user per role so that a newcomer can see each role's Tasklist. Demo only: the password is public. */
@Component
class DemoUsers {

    static final String PASSWORD = "demo";

    record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    static final List<DemoUser> ALL = List.of(
            new DemoUser("claire", "Claire", "Martin", List.of(Groups.MANAGERS, Groups.CAMUNDA_ADMIN)),
            new DemoUser("marie", "Marie", "Dubois", List.of(Groups.COLLECTORS)),
            new DemoUser("julien", "Julien", "Petit", List.of(Groups.COLLECTORS)),
            new DemoUser("paul", "Paul", "Moreau", List.of(Groups.SALES)),
            new DemoUser("sophie", "Sophie", "Laurent", List.of(Groups.SALES)),
            new DemoUser("lea", "Léa", "Garnier", List.of(Groups.LOGISTICS)),
            new DemoUser("alain", "Alain", "Roux", List.of(Groups.AUDITORS)));

    private final Accounts accounts;

    DemoUsers(Accounts accounts) {
        this.accounts = accounts;
    }

    void ensure() {
        for (DemoUser user : ALL) {
            accounts.ensureUser(user.id(), PASSWORD, user.firstName(), user.lastName(),
                    user.id() + "@encaisse.example", user.groups());
        }
    }
}
