package org.encaisse.dispute;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DisputeController {

    private final DisputeDesk desk;

    private final org.encaisse.customer.CustomerDirectory customers;

    DisputeController(DisputeDesk desk, org.encaisse.customer.CustomerDirectory customers) {
        this.customers = customers;
        this.desk = desk;
    }

    @PostMapping(path = "/api/disputes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DisputeView open(@RequestBody DisputeRequest request, Principal user) {
        return desk.open(request, user.getName());
    }

    @GetMapping("/api/customers/{externalId}/disputes")
    java.util.List<DisputeView> ofCustomer(@PathVariable String externalId) {
        return desk.ofCustomer(customers.get(externalId).getId());
    }

    @GetMapping("/api/disputes/{id}")
    DisputeView get(@PathVariable Long id) {
        return desk.view(id);
    }
}
