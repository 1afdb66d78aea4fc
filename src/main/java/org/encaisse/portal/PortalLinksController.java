package org.encaisse.portal;

import java.util.Map;

import org.encaisse.audit.Actors;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.customer.PortalLinks;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managers stop a customer's portal links at once, e.g. when a letter reached the wrong person. */
@RestController
class PortalLinksController {

    private final PortalLinks links;
    private final CustomerDirectory customers;
    private final Actors actors;

    PortalLinksController(PortalLinks links, CustomerDirectory customers, Actors actors) {
        this.links = links;
        this.customers = customers;
        this.actors = actors;
    }

    @PostMapping("/api/customers/{externalId}/portal-links/revocation")
    Map<String, Integer> revoke(@PathVariable String externalId) {
        return Map.of("revoked", links.revokeAll(customers.get(externalId).getId(), actors.current("portal links")));
    }
}
