package org.encaisse.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.encaisse.customer.CustomerDirectory;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@EncaisseTest
class InvoiceLedgerTests {

    @Autowired
    Api api;

    @Autowired
    InvoiceLedger ledger;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    JdbcTemplate jdbc;

    /** The chased statuses are spelled out in the overdue query; they must stay those that isChased accepts. */
    @Test
    void overdueListsExactlyTheChasedInvoicesAndTheCaseKeepsThoseInAPlanAtTheAgencyOrInCourt() {
        String customer = api.customer();
        LocalDate today = ParisDate.today();
        Map<InvoiceStatus, String> byStatus = new EnumMap<>(InvoiceStatus.class);
        for (InvoiceStatus status : InvoiceStatus.values()) {
            String number = api.invoice(customer, today.minusDays(60).toString(), today.minusDays(30).toString(), "100");
            // Paid and written-off invoices keep an amount outstanding here, so that only the status tells them apart.
            jdbc.update("UPDATE invoice SET status = ? WHERE number = ?", status.name(), number);
            byStatus.put(status, number);
        }
        api.invoice(customer, today.toString(), today.plusDays(30).toString(), "100");
        Long customerId = customers.get(customer).getId();

        assertThat(ledger.overdue(customerId, today)).allMatch(ledger::isChased)
                .extracting(Invoice::getNumber)
                .containsExactlyInAnyOrder(byStatus.get(InvoiceStatus.OPEN), byStatus.get(InvoiceStatus.PARTIALLY_PAID));
        assertThat(ledger.overdueIncludingPlans(customerId, today)).extracting(Invoice::getNumber)
                .containsExactlyInAnyOrder(byStatus.get(InvoiceStatus.OPEN), byStatus.get(InvoiceStatus.PARTIALLY_PAID),
                        byStatus.get(InvoiceStatus.IN_PLAN), byStatus.get(InvoiceStatus.AT_AGENCY),
                        byStatus.get(InvoiceStatus.IN_COURT));
    }
}
