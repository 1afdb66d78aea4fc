package org.encaisse.customer;

import java.security.Principal;
import java.util.List;

import org.encaisse.input.InputErrors;
import org.encaisse.input.NotFoundException;
import org.encaisse.input.SourcePosition;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accounts a customer pays from, which the bank matching trusts: those a collector's match taught, one
 * stated from the customer's bank details, and the way to forget one that a wrong match taught.
 */
@RestController
class CustomerIbanController {

    private final CustomerDirectory directory;

    CustomerIbanController(CustomerDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/customers/{externalId}/ibans")
    List<CustomerDirectory.KnownIban> known(@PathVariable String externalId) {
        return directory.ibansOf(directory.get(externalId).getId());
    }

    @PutMapping("/api/customers/{externalId}/ibans/{iban}")
    List<CustomerDirectory.KnownIban> state(@PathVariable String externalId, @PathVariable String iban, Principal user) {
        Customer customer = directory.get(externalId);
        if (!Ibans.isValid(iban)) {
            InputErrors errors = new InputErrors();
            errors.add(SourcePosition.item(1), "iban", "is not a valid IBAN (country, check digits, account)", iban);
            errors.throwIfAny("the IBAN");
        }
        directory.stateIban(customer.getId(), iban, user.getName());
        return directory.ibansOf(customer.getId());
    }

    @DeleteMapping("/api/customers/{externalId}/ibans/{iban}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forget(@PathVariable String externalId, @PathVariable String iban, Principal user) {
        Customer customer = directory.get(externalId);
        if (!directory.forgetIban(customer.getId(), iban, user.getName())) {
            throw new NotFoundException("Customer " + externalId + " is not known to pay from " + Ibans.normalized(iban) + ".");
        }
    }
}
