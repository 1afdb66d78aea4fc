package org.encaisse.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import db.migration.V11__FlagDueDatesBeyondLegalTerms;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.JavaMigrations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An invoice due later than L441-10 allows is accepted, named in the import's answer, listed by the analytics
 * call and on the dashboard's payload; one due on the cap itself is not. Invoices stored before the rule
 * existed are flagged by the migration with the same rule.
 */
@EncaisseTest
class PaymentTermsFlagTests {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void anInvoiceDueBeyondTheLegalCapIsAcceptedNamedAndListed() {
        String customer = api.customer();
        String beyond = Api.unique("FA");
        String onTheCap = Api.unique("FA");
        LocalDate issued = LocalDate.of(2026, 1, 10);
        ResponseEntity<JsonNode> imported = api.post("/api/invoices", """
                [{"number": "%s", "customerExternalId": "%s", "issueDate": "2026-01-10", "dueDate": "2026-04-10", "amount": 3200},
                 {"number": "%s", "customerExternalId": "%s", "issueDate": "2026-01-10", "dueDate": "2026-03-17", "amount": 800}]"""
                .formatted(beyond, customer, onTheCap, customer));

        assertThat(imported.getStatusCode().value()).isEqualTo(200);
        assertThat(imported.getBody().get("created").asInt()).isEqualTo(2);
        assertThat(imported.getBody().get("dueBeyondLegalTerms")).extracting(JsonNode::asText).containsExactly(beyond);

        JsonNode report = api.get("/api/analytics/payment-terms?limit=1000").getBody();
        JsonNode listed = find(report.get("invoices"), beyond);
        assertThat(listed).isNotNull();
        assertThat(listed.get("customerExternalId").asText()).isEqualTo(customer);
        assertThat(listed.get("latestLegalDueDate").asText()).isEqualTo(LegalPaymentTerms.latestDueDate(issued).toString());
        assertThat(listed.get("daysBeyond").asLong()).isEqualTo(24);
        assertThat(find(report.get("invoices"), onTheCap)).isNull();
        assertThat(report.get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/analytics/dashboard").getBody().get("paymentTerms").get("count").asLong())
                .isEqualTo(report.get("count").asLong());
    }

    @Test
    void invoicesStoredBeforeTheRuleAreFlaggedByTheMigration() throws Exception {
        String customer = api.customer();
        String beyond = api.invoice(customer, "2025-11-03", "2026-03-15", "500");
        String within = api.invoice(customer, "2025-11-03", "2025-12-03", "500");
        // As they stood before V10: the column there, nothing flagged.
        jdbc.update("UPDATE invoice SET due_beyond_legal_terms = FALSE WHERE number IN (?, ?)", beyond, within);

        JavaMigrations.apply(dataSource, new V11__FlagDueDatesBeyondLegalTerms());

        assertThat(flagged(beyond)).isTrue();
        assertThat(flagged(within)).isFalse();
    }

    private boolean flagged(String number) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT due_beyond_legal_terms FROM invoice WHERE number = ?",
                Boolean.class, number));
    }

    private static JsonNode find(JsonNode invoices, String number) {
        for (JsonNode invoice : invoices) {
            if (invoice.get("number").asText().equals(number)) {
                return invoice;
            }
        }
        return null;
    }
}
