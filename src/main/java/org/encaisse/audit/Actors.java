package org.encaisse.audit;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who an audit entry names: the user behind the API call or the Tasklist action, or, when no one
 * is (a timer, an async step, the morning run), the rule that acted.
 */
@Component
public class Actors {

    private final IdentityService identity;

    Actors(IdentityService identity) {
        this.identity = identity;
    }

    /** @param rule what acted when no user did, e.g. {@code "aging run"} */
    public String current(String rule) {
        Authentication web = SecurityContextHolder.getContext().getAuthentication();
        if (web != null && web.isAuthenticated() && !(web instanceof AnonymousAuthenticationToken)) {
            return web.getName();
        }
        var engine = identity.getCurrentAuthentication();
        if (engine != null && engine.getUserId() != null) {
            return engine.getUserId();
        }
        return "rule:" + rule;
    }
}
