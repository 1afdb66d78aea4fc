package org.encaisse.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@EncaisseTest
class InvoiceImportTests {

    @Autowired
    Api api;

    String customer;

    @BeforeEach
    void customer() {
        customer = api.customer();
    }

    @Test
    void importsPlainCsv() {
        String a = Api.unique("FA");
        String b = Api.unique("FA");
        ResponseEntity<JsonNode> imported = api.upload("/api/imports/invoices", "invoices.csv", """
                number,customerExternalId,issueDate,dueDate,amount,currency
                %s,%s,2026-01-15,2026-02-14,1200.00,EUR
                %s,%s,2026-01-20,2026-03-06,99.90,
                """.formatted(a, customer, b, customer));
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("created").asInt()).isEqualTo(2);
        JsonNode invoice = api.get("/api/invoices/" + b).getBody();
        assertThat(invoice.get("amount").decimalValue()).isEqualByComparingTo("99.90");
        assertThat(invoice.get("currency").asText()).isEqualTo("EUR");
        assertThat(invoice.get("outstandingAmount").decimalValue()).isEqualByComparingTo("99.90");
        assertThat(invoice.get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void importsWhatAFrenchSpreadsheetExports() {
        String number = Api.unique("FA");
        String csv = "Numéro client;number;customerExternalId;issueDate;dueDate;amount;currency;Libellé\r\n"
                + "x;" + number + ";" + customer + ";15/01/2026;14/02/2026;12 345,67;EUR;Prestation d'études\r\n";
        ResponseEntity<JsonNode> imported = api.upload("/api/imports/invoices", "factures.csv",
                csv.getBytes(Charset.forName("windows-1252")));
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("ignoredColumns")).extracting(JsonNode::asText)
                .containsExactly("Numéro client", "Libellé");
        JsonNode invoice = api.get("/api/invoices/" + number).getBody();
        assertThat(invoice.get("amount").decimalValue()).isEqualByComparingTo("12345.67");
        assertThat(invoice.get("issueDate").asText()).isEqualTo("2026-01-15");
        assertThat(invoice.get("dueDate").asText()).isEqualTo("2026-02-14");
    }

    @Test
    void reimportingUpdatesByNumberAndCountsUnchangedLines() {
        String number = api.invoice(customer, "2026-01-01", "2026-01-31", "500");
        ResponseEntity<JsonNode> again = api.post("/api/invoices", """
                [{"number": "%s", "customerExternalId": "%s", "issueDate": "2026-01-01", "dueDate": "2026-01-31", "amount": "500.00"},
                 {"number": "%s", "customerExternalId": "%s", "issueDate": "2026-01-01", "dueDate": "2026-03-02", "amount": "450"}]"""
                .formatted(number, customer, Api.unique("FA"), customer));
        assertThat(again.getBody().get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.getBody().get("created").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> corrected = api.post("/api/invoices", """
                [{"number": "%s", "customerExternalId": "%s", "issueDate": "2026-01-01", "dueDate": "2026-02-28", "amount": 480}]"""
                .formatted(number, customer));
        assertThat(corrected.getBody().get("updated").asInt()).isEqualTo(1);
        JsonNode invoice = api.get("/api/invoices/" + number).getBody();
        assertThat(invoice.get("dueDate").asText()).isEqualTo("2026-02-28");
        assertThat(invoice.get("outstandingAmount").decimalValue()).isEqualByComparingTo("480");
    }

    @Test
    void anUpdateKeepsWhatWasPaidAndCannotGoBelowIt() {
        String number = api.invoice(customer, "2026-01-01", "2026-01-31", "1000");
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "2026-02-05", "amount": 400, "invoiceNumbers": ["%s"]}"""
                .formatted(Api.unique("VIR"), number));

        api.post("/api/invoices", """
                {"number": "%s", "customerExternalId": "%s", "issueDate": "2026-01-01", "dueDate": "2026-01-31", "amount": 900}"""
                .formatted(number, customer));
        assertThat(api.get("/api/invoices/" + number).getBody().get("outstandingAmount").decimalValue())
                .isEqualByComparingTo("500");

        ResponseEntity<JsonNode> below = api.post("/api/invoices", """
                {"number": "%s", "customerExternalId": "%s", "issueDate": "2026-01-01", "dueDate": "2026-01-31", "amount": 300}"""
                .formatted(number, customer));
        assertThat(below.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(below.getBody().get("errors").get(0).get("reason").asText()).contains("400.00 EUR already paid");
    }

    @Test
    void unknownCustomer() {
        assertRejectedAt(line("UNKNOWN-CUSTOMER", "2026-01-01", "2026-01-31", "10", "EUR"), 3, "customerExternalId",
                "not a known customer");
    }

    @Test
    void duplicateNumberInsideOneFile() {
        String number = Api.unique("FA");
        String csv = header() + number + "," + customer + ",2026-01-01,2026-01-31,10,EUR\n"
                + number + "," + customer + ",2026-01-02,2026-02-01,20,EUR\n";
        List<JsonNode> errors = rejected(csv);
        assertThat(errors).hasSize(1);
        assertError(errors.get(0), 3, "number", "appears twice in this batch (first at line 2)");
        assertThat(api.get("/api/invoices/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void negativeAmount() {
        assertRejectedAt(line(customer, "2026-01-01", "2026-01-31", "-10,00", "EUR"), 3, "amount", "greater than zero");
    }

    @Test
    void dueDateBeforeIssueDate() {
        assertRejectedAt(line(customer, "2026-03-01", "2026-01-31", "10", "EUR"), 3, "dueDate", "before the issue date");
    }

    @Test
    void unparseableDate() {
        assertRejectedAt(line(customer, "2026-13-01", "2026-01-31", "10", "EUR"), 3, "issueDate", "not a date");
    }

    @Test
    void unparseableNumber() {
        assertRejectedAt(line(customer, "2026-01-01", "2026-01-31", "douze", "EUR"), 3, "amount", "not a number");
    }

    @Test
    void wrongCurrencyCode() {
        assertRejectedAt(line(customer, "2026-01-01", "2026-01-31", "10", "EUX"), 3, "currency", "ISO 4217");
    }

    @Test
    void emptyFile() {
        List<JsonNode> errors = rejected("");
        assertError(errors.get(0), 1, null, "the file is empty");
    }

    @Test
    void missingHeader() {
        String number = Api.unique("FA");
        List<JsonNode> errors = rejected(number + "," + customer + ",2026-01-01,2026-01-31,10,EUR\n");
        assertThat(errors).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("number", "customerExternalId", "issueDate", "dueDate", "amount");
        assertThat(errors).allMatch(e -> e.get("line").asInt() == 1 && e.get("reason").asText().contains("missing"));
        assertThat(api.get("/api/invoices/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void listsEveryErrorOfTheFileAndImportsNothing() {
        String good = Api.unique("FA");
        String csv = header()
                + good + "," + customer + ",2026-01-01,2026-01-31,10,EUR\n"
                + Api.unique("FA") + ",NOBODY,2026-01-01,2026-01-31,10,EUR\n"
                + Api.unique("FA") + "," + customer + ",01/02/2026,2026-01-31,-5,EUX\n";
        List<JsonNode> errors = rejected(csv);
        assertThat(errors).extracting(e -> e.get("line").asInt() + ":" + e.get("field").asText())
                .containsExactlyInAnyOrder("3:customerExternalId", "4:amount", "4:currency", "4:dueDate");
        assertThat(errors).extracting(e -> e.get("line").asInt()).isSorted();
        assertThat(api.get("/api/invoices/" + good).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void jsonBatchesReportTheItemOfEachError() {
        String good = Api.unique("FA");
        ResponseEntity<JsonNode> response = api.post("/api/invoices", """
                [{"number": "%s", "customerExternalId": "%s", "issueDate": "2026-01-01", "dueDate": "2026-01-31", "amount": 10},
                 {"number": "%s", "customerExternalId": "%s", "issueDate": "2026-01-01", "dueDate": "2026-01-31", "amount": -1}]"""
                .formatted(good, customer, Api.unique("FA"), customer));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode error = response.getBody().get("errors").get(0);
        assertThat(error.get("item").asInt()).isEqualTo(2);
        assertThat(error.has("line")).isFalse();
        assertThat(error.get("field").asText()).isEqualTo("amount");
        assertThat(api.get("/api/invoices/" + good).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void malformedJsonIsABadRequestThatSaysWhere() {
        ResponseEntity<JsonNode> response = api.post("/api/invoices", "[{\"number\": \"X\",, }]");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).contains("line 1, column");
    }

    @Test
    void anUploadWithoutItsFilePartSaysWhichPartIsMissing() {
        ResponseEntity<JsonNode> response = api.upload("/api/imports/invoices", null, new byte[0]);
        assertThat(response.getStatusCode().is4xxClientError()).isTrue();
    }

    private String header() {
        return "number,customerExternalId,issueDate,dueDate,amount,currency\n";
    }

    /** A file with one good invoice on line 2 and the invoice under test on line 3. */
    private String line(String customerId, String issueDate, String dueDate, String amount, String currency) {
        return header()
                + Api.unique("FA") + "," + customer + ",2026-01-01,2026-01-31,10,EUR\n"
                + Api.unique("FA") + "," + customerId + "," + issueDate + "," + dueDate + ",\"" + amount + "\"," + currency + "\n";
    }

    private void assertRejectedAt(String csv, int line, String field, String reason) {
        List<JsonNode> errors = rejected(csv);
        assertThat(errors).hasSize(1);
        assertError(errors.get(0), line, field, reason);
        String goodNumber = csv.lines().skip(1).findFirst().orElseThrow().split(",")[0];
        assertThat(api.get("/api/invoices/" + goodNumber).getStatusCode()).as("nothing imported").isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<JsonNode> rejected(String csv) {
        ResponseEntity<JsonNode> response = api.upload("/api/imports/invoices", "invoices.csv", csv);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("detail").asText()).contains("invoices.csv").contains("nothing was imported");
        List<JsonNode> errors = new ArrayList<>();
        response.getBody().get("errors").forEach(errors::add);
        return errors;
    }

    private static void assertError(JsonNode error, int line, String field, String reason) {
        assertThat(error.get("line").asInt()).isEqualTo(line);
        if (field != null) {
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
        assertThat(error.get("reason").asText()).contains(reason);
    }
}
