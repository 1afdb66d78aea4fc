package org.encaisse.account;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

    private final CustomerAccounts accounts;

    AccountController(CustomerAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/customers/{externalId}")
    CustomerAccountView customer(@PathVariable String externalId) {
        return accounts.account(externalId);
    }

    @GetMapping("/api/customers/{externalId}/invoices")
    List<InvoiceView> invoices(@PathVariable String externalId,
                               @RequestParam(name = "open", defaultValue = "false") boolean openOnly) {
        return accounts.invoices(externalId, openOnly);
    }

    @GetMapping("/api/invoices/{number}")
    InvoiceView invoice(@PathVariable String number) {
        return accounts.invoice(number);
    }
}
