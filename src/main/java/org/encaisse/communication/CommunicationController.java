package org.encaisse.communication;

import java.util.List;

import org.encaisse.customer.CustomerDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommunicationController {

    private final CommunicationLog log;
    private final CustomerDirectory customers;

    CommunicationController(CommunicationLog log, CustomerDirectory customers) {
        this.log = log;
        this.customers = customers;
    }

    /** Oldest first: the order in which the customer received them. */
    @GetMapping("/api/customers/{externalId}/communications")
    List<CommunicationView> ofCustomer(@PathVariable String externalId) {
        return log.ofCustomer(customers.get(externalId).getId()).stream().map(CommunicationView::of).toList();
    }
}
