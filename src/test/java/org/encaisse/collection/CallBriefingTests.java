package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.encaisse.customer.CustomerDirectory;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the collector reads before calling, from the customer's real account. */
@EncaisseTest
class CallBriefingTests {

    @Autowired
    Api api;

    @Autowired
    CallBriefing briefing;

    @Autowired
    CustomerDirectory customers;

    @Test
    void listsTheOverdueInvoicesAndOnlyTheFiveLatestPayments() {
        String customer = api.customer();
        LocalDate today = ParisDate.today();
        String overdue = api.invoice(customer, today.minusDays(60).toString(), today.minusDays(30).toString(), "5000");
        String notYetDue = api.invoice(customer, today.toString(), today.plusDays(30).toString(), "800");
        List<String> references = new ArrayList<>();
        for (int daysAgo = 7; daysAgo >= 1; daysAgo--) {
            String reference = Api.unique("VIR");
            references.add(reference);
            api.post("/api/payments", """
                    {"bankReference": "%s", "date": "%s", "amount": %d, "customerExternalId": "%s"}"""
                    .formatted(reference, today.minusDays(daysAgo), 10 * daysAgo, customer));
        }

        String text = briefing.of(customers.get(customer).getId(), today);

        assertThat(text).contains(overdue, "30 j de retard", "Derniers paiements :")
                .doesNotContain(notYetDue);
        assertThat(text).as("the five newest payments").contains(references.subList(2, 7));
        assertThat(text).as("older payments are left out").doesNotContain(references.get(0), references.get(1));
        assertThat(text.substring(text.indexOf("Derniers paiements")).lines().takeWhile(line -> !line.isBlank())
                .skip(1).toList()).hasSize(5).first().asString().contains(references.get(6));
    }

    @Test
    void aCustomerWithManyOverdueInvoicesGetsTheOldestAndACountWithinCamundasColumn() {
        String customer = api.customer();
        LocalDate today = ParisDate.today();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < CallBriefing.LISTED_INVOICES + 15; i++) {
            numbers.add(api.invoice(customer, today.minusDays(400 - i).toString(), today.minusDays(370 - i).toString(),
                    "123456.78"));
        }

        String text = briefing.of(customers.get(customer).getId(), today);

        assertThat(text.length()).isLessThanOrEqualTo(CallBriefing.MAX_LENGTH);
        assertThat(text).contains(numbers.subList(0, CallBriefing.LISTED_INVOICES))
                .doesNotContain(numbers.get(CallBriefing.LISTED_INVOICES)).contains("… et 15 autres factures plus récentes");
    }
}
