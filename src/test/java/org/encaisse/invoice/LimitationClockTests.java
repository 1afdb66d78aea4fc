package org.encaisse.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;


import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import db.migration.V14__StoreLimitationDates;
import org.encaisse.collection.PromiseBook;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.JavaMigrations;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each invoice's claim dies five years after its due date (L110-4), and the debtor's acknowledgments restart the
 * five years (Code civil 2240): a payment on it or on the account, a promise, a written acknowledgment.
 */
@EncaisseTest
class LimitationClockTests {

    @Autowired
    Api api;

    @Autowired
    PromiseBook promises;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private final LocalDate today = ParisDate.today();

    @Test
    void aClaimNearItsFiveYearsIsListedUntilTheDebtorAcknowledgesIt() {
        String customer = api.customer();
        String expired = api.invoice(customer, "2021-05-31", "2021-06-30", "1000");
        String expiringSoon = api.invoice(customer, today.minusYears(5).minusDays(40).toString(),
                today.minusYears(5).plusMonths(3).toString(), "2000");
        String farAway = api.invoice(customer, today.minusYears(3).toString(), today.minusYears(3).plusDays(30).toString(),
                "3000");

        assertThat(limitationOf(customer, expired)).isEqualTo("2026-06-30");
        assertThat(listed()).contains(expired, expiringSoon).doesNotContain(farAway);

        ResponseEntity<JsonNode> written = api.post("/api/invoices/" + expiringSoon + "/acknowledgments",
                "{\"date\": \"%s\", \"evidence\": \"Courriel du 2 décembre reconnaissant la dette\"}"
                        .formatted(today.minusDays(3)));
        assertThat(written.getStatusCode().value()).as(String.valueOf(written.getBody())).isEqualTo(200);
        assertThat(written.getBody().get("limitationDate").asText()).isEqualTo(today.minusDays(3).plusYears(5).toString());
        assertThat(listed()).contains(expired).doesNotContain(expiringSoon);

        // A payment naming one invoice acknowledges that one only.
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 100, "invoiceNumbers": ["%s"]}"""
                .formatted(Api.unique("VIR"), today, expired));
        assertThat(limitationOf(customer, expired)).isEqualTo(today.plusYears(5).toString());
        assertThat(limitationOf(customer, farAway)).isEqualTo(today.minusYears(3).plusDays(30).plusYears(5).toString());

        JsonNode timeline = api.get("/api/customers/" + customer + "/timeline").getBody();
        List<String> kinds = new ArrayList<>();
        timeline.forEach(event -> kinds.add(event.get("kind").asText()));
        assertThat(kinds).contains("DEBT_ACKNOWLEDGED");
    }

    @Test
    void aPaymentOnAccountAndAPromiseAcknowledgeEveryDebtOfTheAccount() {
        String customer = api.customer();
        String first = api.invoice(customer, "2022-01-03", "2022-02-02", "1000");
        String second = api.invoice(customer, "2022-02-01", "2022-03-03", "1000");

        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 50, "customerExternalId": "%s"}"""
                .formatted(Api.unique("VIR"), today.minusDays(10), customer));
        assertThat(limitationOf(customer, first)).isEqualTo(today.minusDays(10).plusYears(5).toString());
        assertThat(limitationOf(customer, second)).isEqualTo(today.minusDays(10).plusYears(5).toString());

        promises.record(customers.get(customer).getId(), Api.unique("case"), today.plusDays(15), new BigDecimal("500"), "EUR", "marie",
                Instant.now());
        assertThat(limitationOf(customer, first)).isEqualTo(today.plusYears(5).toString());
        assertThat(limitationOf(customer, second)).isEqualTo(today.plusYears(5).toString());
    }

    @Test
    void aWrittenAcknowledgmentThatCannotBeIsRefusedWithItsReasonAndChangesNothing() {
        String customer = api.customer();
        String owed = api.invoice(customer, "2023-03-01", "2023-03-31", "700");
        String before = limitationOf(customer, owed);

        ResponseEntity<JsonNode> future = acknowledge(owed, today.plusDays(1).toString());
        assertThat(future.getStatusCode().value()).isEqualTo(422);
        assertThat(future.getBody().toString()).contains("date", "is in the future");
        ResponseEntity<JsonNode> beforeIssue = acknowledge(owed, "2023-02-01");
        assertThat(beforeIssue.getStatusCode().value()).isEqualTo(422);
        assertThat(beforeIssue.getBody().toString()).contains("is before the invoice's date 2023-03-01");
        assertThat(acknowledge("FA-NOPE-" + Api.unique("X"), today.toString()).getStatusCode().value()).isEqualTo(404);

        String paid = api.invoice(customer, "2023-03-01", "2023-03-31", "100");
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 100, "invoiceNumbers": ["%s"]}"""
                .formatted(Api.unique("VIR"), today, paid));
        assertThat(acknowledge(paid, today.toString()).getStatusCode().value()).isEqualTo(409);
        assertThat(limitationOf(customer, owed)).isEqualTo(before);
    }

    @Test
    void invoicesStoredBeforeTheClockWasKeptGetTheirDateFromTheMigration() throws Exception {
        String customer = api.customer();
        String plain = api.invoice(customer, "2022-05-02", "2022-06-01", "900");
        String acknowledged = api.invoice(customer, "2022-05-02", "2022-06-01", "900");
        acknowledge(acknowledged, "2024-02-15");
        // As they stood before V13: no stored date.
        jdbc.update("UPDATE invoice SET limitation_date = NULL WHERE number IN (?, ?)", plain, acknowledged);

        JavaMigrations.apply(dataSource, new V14__StoreLimitationDates());

        assertThat(limitationOf(customer, plain)).isEqualTo("2027-06-01");
        assertThat(limitationOf(customer, acknowledged)).isEqualTo("2029-02-15");
    }

    private ResponseEntity<JsonNode> acknowledge(String invoice, String date) {
        return api.post("/api/invoices/" + invoice + "/acknowledgments",
                "{\"date\": \"%s\", \"evidence\": \"Lettre signée\"}".formatted(date));
    }

    private List<String> listed() {
        List<String> numbers = new ArrayList<>();
        api.get("/api/analytics/limitation?months=6&limit=1000").getBody()
                .forEach(line -> numbers.add(line.get("number").asText()));
        return numbers;
    }

    private String limitationOf(String customer, String number) {
        for (JsonNode invoice : api.get("/api/customers/" + customer + "/invoices").getBody()) {
            if (invoice.get("number").asText().equals(number)) {
                return invoice.path("limitationDate").asText(null);
            }
        }
        throw new AssertionError(number + " is not among " + customer + "'s invoices");
    }
}
