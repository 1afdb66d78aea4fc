package org.encaisse.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@EncaisseTest
class PaymentTests {

    @Autowired
    Api api;

    String customer;
    String oldest;
    String middle;
    String newest;

    @BeforeEach
    void threeInvoices() {
        customer = api.customer();
        newest = api.invoice(customer, "2026-03-01", "2026-03-31", "300");
        oldest = api.invoice(customer, "2026-01-01", "2026-01-31", "100");
        middle = api.invoice(customer, "2026-02-01", "2026-02-28", "200");
    }

    @Test
    void aPaymentOnAccountSettlesTheOldestInvoicesFirst() {
        ResponseEntity<JsonNode> paid = pay("""
                {"bankReference": "%s", "date": "2026-04-02", "amount": "250,00", "customerExternalId": "%s"}"""
                .formatted(Api.unique("VIR"), customer));
        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(paid.getBody().get("allocations")).extracting(a -> a.get("invoiceNumber").asText() + "=" + a.get("amount").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly(oldest + "=100", middle + "=150");
        assertThat(status(oldest)).isEqualTo("PAID");
        assertThat(status(middle)).isEqualTo("PARTIALLY_PAID");
        assertThat(outstanding(middle)).isEqualByComparingTo("50");
        assertThat(status(newest)).isEqualTo("OPEN");
        assertThat(balance().get("outstanding").decimalValue()).isEqualByComparingTo("350");
    }

    @Test
    void aPaymentOfNamedInvoicesSettlesThemInTheOrderGiven() {
        ResponseEntity<JsonNode> paid = pay("""
                {"bankReference": "%s", "date": "2026-04-02", "amount": 350, "invoiceNumbers": ["%s", "%s"]}"""
                .formatted(Api.unique("VIR"), newest, middle));
        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(status(newest)).isEqualTo("PAID");
        assertThat(outstanding(middle)).isEqualByComparingTo("150");
        assertThat(status(oldest)).isEqualTo("OPEN");
        assertThat(paid.getBody().get("customerExternalId").asText()).isEqualTo(customer);

        JsonNode invoice = api.get("/api/invoices/" + middle).getBody();
        assertThat(invoice.get("payments")).extracting(p -> p.get("amount").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly("50");
    }

    @Test
    void anOverpaymentLeavesAVisibleUnallocatedCredit() {
        ResponseEntity<JsonNode> paid = pay("""
                {"bankReference": "%s", "date": "2026-04-02", "amount": 700, "customerExternalId": "%s"}"""
                .formatted(Api.unique("VIR"), customer));
        assertThat(paid.getBody().get("unallocatedAmount").decimalValue()).isEqualByComparingTo("100");
        assertThat(paid.getBody().get("message").asText()).contains("100.00 EUR is left as unallocated credit");
        JsonNode balance = balance();
        assertThat(balance.get("outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(balance.get("unallocatedCredit").decimalValue()).isEqualByComparingTo("100");
        assertThat(balance.get("net").decimalValue()).isEqualByComparingTo("-100");
    }

    @Test
    void theSameBankReferenceTwiceRecordsNothingNewAndSaysSo() {
        String body = """
                {"bankReference": "%s", "date": "2026-04-02", "amount": 150, "customerExternalId": "%s"}"""
                .formatted(Api.unique("VIR"), customer);
        assertThat(pay(body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> again = pay(body);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("alreadyRecorded").asBoolean()).isTrue();
        assertThat(again.getBody().get("message").asText()).contains("already recorded").contains("nothing new");
        assertThat(outstanding(oldest)).isEqualByComparingTo("0");
        assertThat(outstanding(middle)).isEqualByComparingTo("150");
        assertThat(balance().get("outstanding").decimalValue()).isEqualByComparingTo("450");
    }

    @Test
    void theSameBankReferenceForADifferentAmountIsAConflict() {
        String reference = Api.unique("VIR");
        pay("""
                {"bankReference": "%s", "date": "2026-04-02", "amount": 150, "customerExternalId": "%s"}"""
                .formatted(reference, customer));
        ResponseEntity<JsonNode> other = pay("""
                {"bankReference": "%s", "date": "2026-04-02", "amount": 160, "customerExternalId": "%s"}"""
                .formatted(reference, customer));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getBody().get("detail").asText()).contains(reference).contains("150.00 EUR");
        assertThat(balance().get("outstanding").decimalValue()).isEqualByComparingTo("450");
    }

    @Test
    void concurrentPostsOfTheSameBankLineRecordItOnce() throws Exception {
        String body = """
                {"bankReference": "%s", "date": "2026-04-02", "amount": 120, "customerExternalId": "%s"}"""
                .formatted(Api.unique("VIR"), customer);
        int senders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            Callable<ResponseEntity<JsonNode>> send = () -> {
                start.await();
                return pay(body);
            };
            answers.add(pool.submit(send));
        }
        start.countDown();
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> answer : answers) {
            statuses.add((HttpStatus) answer.get().getStatusCode());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.OK);
        assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
        assertThat(outstanding(oldest)).isEqualByComparingTo("0");
        assertThat(outstanding(middle)).isEqualByComparingTo("180");
    }

    @Test
    void concurrentPaymentsOnTheSameInvoicesNeverOverAllocate() throws Exception {
        int senders = 4;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            String body = """
                    {"bankReference": "%s", "date": "2026-04-02", "amount": 200, "customerExternalId": "%s"}"""
                    .formatted(Api.unique("VIR"), customer);
            answers.add(pool.submit(() -> {
                start.await();
                return pay(body);
            }));
        }
        start.countDown();
        for (Future<ResponseEntity<JsonNode>> answer : answers) {
            assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        pool.shutdown();
        JsonNode balance = balance();
        assertThat(balance.get("outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(balance.get("unallocatedCredit").decimalValue()).isEqualByComparingTo("200");
    }

    @Test
    void badPaymentsAreRejectedWithTheirReasonAndChangeNothing() {
        assertRejected("""
                {"bankReference": "%s", "date": "2026-04-02", "amount": 100, "invoiceNumbers": ["NOPE-1"]}""",
                "invoiceNumbers[0]", "not a known invoice");
        assertRejected("""
                {"bankReference": "%s", "date": "2026-04-02", "amount": 100, "currency": "USD", "invoiceNumbers": ["%s"]}"""
                        .replace("%s\"]", oldest + "\"]"),
                "invoiceNumbers[0]", "is in EUR, the payment in USD");
        assertRejected("""
                {"bankReference": "%s", "date": "2999-01-01", "amount": 100, "customerExternalId": "CUST"}"""
                        .replace("CUST", customer),
                "date", "in the future");
        assertRejected("""
                {"bankReference": "%s", "date": "2026-04-02", "amount": 100}""",
                "invoiceNumbers", "give the invoices paid");
        assertRejected("""
                {"bankReference": "%s", "date": "2026-04-02", "amount": 0, "customerExternalId": "CUST"}"""
                        .replace("CUST", customer),
                "amount", "greater than zero");
        String stranger = api.customer();
        assertRejected("""
                {"bankReference": "%s", "date": "2026-04-02", "amount": 100, "customerExternalId": "STRANGER", "invoiceNumbers": ["OLDEST"]}"""
                        .replace("STRANGER", stranger).replace("OLDEST", oldest),
                "invoiceNumbers[0]", "belongs to another customer");
        assertThat(balance().get("outstanding").decimalValue()).isEqualByComparingTo("600");
    }

    private void assertRejected(String template, String field, String reason) {
        ResponseEntity<JsonNode> response = pay(template.replaceFirst("%s", Api.unique("VIR")));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode error = response.getBody().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("reason").asText()).contains(reason);
    }

    private ResponseEntity<JsonNode> pay(String body) {
        return api.post("/api/payments", body);
    }

    private String status(String number) {
        return api.get("/api/invoices/" + number).getBody().get("status").asText();
    }

    private java.math.BigDecimal outstanding(String number) {
        return api.get("/api/invoices/" + number).getBody().get("outstandingAmount").decimalValue();
    }

    private JsonNode balance() {
        return api.get("/api/customers/" + customer).getBody().get("balances").get(0);
    }
}
