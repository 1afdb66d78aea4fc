package org.encaisse.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.encaisse.communication.CommunicationDelivery;
import org.encaisse.communication.CommunicationLog;
import org.encaisse.communication.CommunicationStep;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** Figures checked against sums done by hand; each test isolates its customers by a segment of its own. */
@EncaisseTest
class AnalyticsTests {

    @Autowired
    Api api;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    CommunicationLog log;

    @Autowired
    CommunicationDelivery delivery;

    @Autowired
    TransactionTemplate transaction;

    private final LocalDate today = ParisDate.today();

    @Test
    void agedBalanceSplitsWhatIsOwedByBandPerCustomerAndInTotal() {
        String segment = Api.unique("SEG");
        String a = customer(segment, "HIGH");
        String b = customer(segment, "LOW");
        invoice(a, 10, "1000.00");    // due in 10 days: not due
        invoice(a, -1, "200.00");     // 1 day late: 1-30
        invoice(a, -30, "300.00");    // 30 days: 1-30
        invoice(a, -31, "400.00");    // 31: 31-60
        String paidInPart = invoice(a, -75, "500.00"); // 61-90, 120 paid: 380 left
        invoice(b, -95, "600.00");    // 91-120
        invoice(b, -121, "700.00");   // over 120
        String paid = invoice(b, -45, "800.00"); // paid in full: not in the balance
        pay(a, paidInPart, "120.00");
        pay(b, paid, "800.00");

        JsonNode balance = api.get("/api/analytics/aged-balance?segment=" + segment).getBody();
        JsonNode total = balance.get("total");
        assertThat(balance.get("source").asText()).isEqualTo("snapshot");
        assertThat(total.get("notDue").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(total.get("days1to30").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(total.get("days31to60").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(total.get("days61to90").decimalValue()).isEqualByComparingTo("380.00");
        assertThat(total.get("days91to120").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(total.get("over120").decimalValue()).isEqualByComparingTo("700.00");
        assertThat(total.get("total").decimalValue()).isEqualByComparingTo("3580.00");
        assertThat(total.get("overdue").decimalValue()).isEqualByComparingTo("2580.00");
        assertThat(balance.get("customerCount").asInt()).isEqualTo(2);
        // Sorted by the amount at risk: b owes 1,300 overdue, a 1,280.
        assertThat(balance.get("customers")).extracting(line -> line.get("externalId").asText()).containsExactly(b, a);
        assertThat(balance.get("customers").get(1).get("bands").get("total").decimalValue()).isEqualByComparingTo("2280.00");

        JsonNode summed = api.get("/api/analytics/aged-balance?source=invoices&segment=" + segment).getBody();
        assertThat(summed.get("total")).isEqualTo(total);
        assertThat(api.get("/api/analytics/aged-balance?segment=" + segment + "&riskRating=HIGH").getBody()
                .get("total").get("total").decimalValue()).isEqualByComparingTo("2280.00");
    }

    @Test
    void theRunningTotalsEqualTheFullComputationAfterPaymentsCreditsAndImports() {
        String segment = Api.unique("SEG");
        String a = customer(segment, "MEDIUM");
        String first = invoice(a, -40, "900.00");
        api.get("/api/analytics/aged-balance");
        invoice(a, -5, "100.00");
        pay(a, first, "250.00");
        api.post("/api/invoices", """
                [{"number": "%s", "customerExternalId": "%s", "issueDate": "%s", "dueDate": "%s", "amount": 1250.00}]"""
                .formatted(first, a, today.minusDays(70), today.minusDays(40)));
        api.post("/api/disputes", "{\"invoiceNumber\": \"%s\", \"category\": \"PRICING\"}".formatted(first));

        JsonNode running = api.get("/api/analytics/aged-balance?limit=-1").getBody();
        JsonNode full = api.get("/api/analytics/aged-balance?limit=-1&source=invoices").getBody();
        assertThat(running.get("total")).isEqualTo(full.get("total"));
        assertThat(running.get("customers")).isEqualTo(full.get("customers"));
        assertThat(api.get("/api/analytics/aged-balance?segment=" + segment).getBody().get("total").get("days31to60")
                .decimalValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void aPastDayCountsWhatWasOwedThenWhateverWasPaidSince() {
        String segment = Api.unique("SEG");
        String a = customer(segment, "LOW");
        String old = invoice(a, -40, "1000.00");
        pay(a, old, "1000.00");
        invoiceOn(a, today.minusDays(5), "50.00");
        LocalDate tenDaysAgo = today.minusDays(10);

        JsonNode then = api.get("/api/analytics/aged-balance?asOf=" + tenDaysAgo + "&segment=" + segment).getBody();
        // Ten days ago the old invoice was 30 days late and unpaid; the new one was not issued yet.
        assertThat(then.get("source").asText()).isEqualTo("invoices");
        assertThat(then.get("total").get("days1to30").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(then.get("total").get("total").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(api.get("/api/analytics/aged-balance?segment=" + segment).getBody().get("total").get("total")
                .decimalValue()).isEqualByComparingTo("50.00");
    }

    @Test
    void exportsTheAgedBalanceForAFrenchSpreadsheet() {
        String segment = Api.unique("SEG");
        String a = customer(segment, "LOW");
        invoice(a, -3, "1234.56");
        ResponseEntity<byte[]> csv = api.as(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity("/api/analytics/aged-balance.csv?segment=" + segment, byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] body = csv.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Client;Raison sociale;Segment;Risque;Commercial;Non échu;1-30 j;31-60 j;"
                + "61-90 j;91-120 j;Plus de 120 j;Total;Échu;Prescription");
        // The soonest day one of the customer's debts can no longer be claimed: five years after its due date.
        assertThat(lines.get(1)).startsWith(a + ";Client " + a + " SAS;" + segment + ";LOW;;0,00;1234,56;0,00;")
                .endsWith(";1234,56;1234,56;" + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                        .format(today.minusDays(3).plusYears(5)));
        assertThat(lines.get(2)).startsWith("TOTAL;1 clients;");
    }

    @Test
    void theWorkedExampleTurnsOverSevenPointTwoTimesInAboutTwentyFiveDays() {
        // Sales 90,000 over six months, receivables 10,000 at the start and 15,000 at the end.
        String segment = Api.unique("SEG");
        String a = customer(segment, "LOW");
        String opening = invoiceOn(a, LocalDate.of(2025, 12, 15), "10000.00");
        pay(a, opening, "10000.00", LocalDate.of(2026, 1, 20));
        for (int month = 1; month <= 6; month++) {
            String sale = invoiceOn(a, LocalDate.of(2026, month, 10), "15000.00");
            if (month < 6) {
                pay(a, sale, "15000.00", LocalDate.of(2026, month + 1, 5));
            }
        }
        JsonNode turnover = api.get("/api/analytics/turnover?from=2026-01-01&to=2026-06-30&segment=" + segment).getBody();
        assertThat(turnover.get("sales").decimalValue()).isEqualByComparingTo("90000.00");
        assertThat(turnover.get("receivablesAtStart").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(turnover.get("receivablesAtEnd").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(turnover.get("turnover").decimalValue()).isEqualByComparingTo("7.20");
        assertThat(turnover.get("averageCollectionDays").decimalValue()).isEqualByComparingTo("25.1");
        // June's sales alone cover the 15,000 owed at its end: 30 days by countback.
        assertThat(turnover.get("dsoCountback").decimalValue()).isEqualByComparingTo("30.0");
        assertThat(turnover.get("dsoSimple").decimalValue()).isEqualByComparingTo("30.2");
    }

    @Test
    void recoveryByLevelCountsWhatWasPaidAfterEachLetter() {
        String customer = customer(Api.unique("SEG"), "LOW");
        String invoice = api.invoice(customer, today.minusDays(60).toString(), today.minusDays(30).toString(), "400.00");
        api.post("/api/invoices", """
                [{"number": "%s", "customerExternalId": "%s", "issueDate": "%s", "dueDate": "%s", "amount": 400.00,
                  "currency": "NOK"}]""".formatted(invoice, customer, today.minusDays(60), today.minusDays(30)));
        Long customerId = customers.get(customer).getId();
        var reminder = transaction.execute(status -> log.record(Api.unique("case") + "/r1", null, customerId,
                CommunicationStep.FIRST_REMINDER)).orElseThrow();
        delivery.deliver(reminder.getId());
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 100.00, "currency": "NOK", "invoiceNumbers": ["%s"]}"""
                .formatted(Api.unique("VIR"), today, invoice));

        JsonNode figures = api.get("/api/analytics/collection?currency=NOK").getBody();
        JsonNode levelOne = figures.get("recoveryByLevel").get(0);
        assertThat(levelOne.get("level").asInt()).isEqualTo(1);
        assertThat(levelOne.get("chased").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(levelOne.get("paidAfter").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(levelOne.get("rate").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(figures.get("disputes")).isNotNull();
        assertThat(figures.get("promises").has("keptRate")).isTrue();
    }

    @Test
    void badQueryParametersAreNamedInA400() {
        ResponseEntity<JsonNode> badDay = api.get("/api/analytics/aged-balance?asOf=2026-13-01");
        assertThat(badDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDay.getBody().get("detail").asText()).contains("'asOf'", "2026-13-01", "yyyy-MM-dd");
        assertThat(api.get("/api/analytics/aged-balance?level=7").getBody().get("detail").asText()).contains("'level'");
        assertThat(api.get("/api/analytics/aged-balance?limit=lots").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get("/api/analytics/turnover?from=2026-06-30&to=2026-01-01").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get("/api/analytics/dso-trend?months=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theDashboardBringsTheBalanceTheTopDebtorsTheCasesAndTheDsoTrend() {
        JsonNode dashboard = api.get("/api/analytics/dashboard").getBody();
        assertThat(dashboard.get("agedBalance").get("customers").size()).isLessThanOrEqualTo(10);
        assertThat(dashboard.get("dsoTrend")).hasSize(12);
        assertThat(dashboard.get("openCasesByLevel").isArray()).isTrue();
        assertThat(api.get("/api/analytics/dso-trend").getBody()).isEqualTo(dashboard.get("dsoTrend"));
    }

    private String customer(String segment, String risk) {
        String id = Api.unique("C");
        api.post("/api/customers", """
                {"externalId": "%s", "name": "Client %s SAS", "segment": "%s", "riskRating": "%s", "contacts": [
                  {"role": "ACCOUNTS_PAYABLE", "name": "Compta", "email": "%s"}]}""".formatted(id, id, segment, risk,
                Api.emailOf(id)));
        return id;
    }

    /** An invoice due {@code dueInDays} from today (negative: late), issued 30 days before. */
    private String invoice(String customer, int dueInDays, String amount) {
        LocalDate due = today.plusDays(dueInDays);
        return api.invoice(customer, due.minusDays(30).toString(), due.toString(), amount);
    }

    private String invoiceOn(String customer, LocalDate issued, String amount) {
        return api.invoice(customer, issued.toString(), issued.plusDays(30).toString(), amount);
    }

    private void pay(String customer, String invoice, String amount) {
        pay(customer, invoice, amount, today);
    }

    private void pay(String customer, String invoice, String amount, LocalDate on) {
        ResponseEntity<JsonNode> paid = api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": %s, "currency": "EUR", "invoiceNumbers": ["%s"]}"""
                .formatted(Api.unique("VIR"), on, amount, invoice));
        assertThat(paid.getStatusCode().is2xxSuccessful()).as(paid.toString()).isTrue();
    }

}
