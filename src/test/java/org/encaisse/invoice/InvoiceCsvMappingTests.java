package org.encaisse.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The customer-ledger exports of src/test/resources/accounting/csv go in as the accounting package wrote them:
 * French headers read by the names they go by, a header that leaves a doubt refused with the candidates, and a
 * header no name matches read through a mapping saved once.
 */
@EncaisseTest
class InvoiceCsvMappingTests {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Autowired
    Api api;

    @Test
    void anEcheancierWithFrenchHeadersGoesInAsWritten() {
        String run = customers();
        ResponseEntity<JsonNode> imported = upload("", "echeancier-clients.csv", sample("echeancier-clients.csv", run,
                WINDOWS_1252));
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("created").asInt()).isEqualTo(5);
        assertThat(imported.getBody().get("ignoredColumns").toString()).contains("Raison sociale", "Libellé");
        JsonNode invoice = api.get("/api/invoices/" + run + "FA2026-0102").getBody();
        assertThat(invoice.get("amount").decimalValue()).isEqualByComparingTo("6480.00");
        assertThat(invoice.get("dueDate").asText()).isEqualTo("2026-12-06");
        assertThat(api.get("/api/invoices/" + run + "FA2026-E104").getBody().get("currency").asText()).isEqualTo("USD");
        String sha256 = org.encaisse.input.ImportHistory.sha256(sample("echeancier-clients.csv", run, WINDOWS_1252));
        JsonNode history = api.get("/api/imports/history?limit=500").getBody();
        assertThat(history.findValuesAsText("sha256")).contains(sha256);
        history.forEach(line -> {
            if (line.get("sha256").asText().equals(sha256)) {
                assertThat(line.get("kind").asText()).isEqualTo("invoices-csv");
                assertThat(line.at("/counts/created").asInt()).isEqualTo(5);
            }
        });
    }

    @Test
    void anAgedBalanceWithDebitAndCreditColumnsGoesInAndALedgerWithPaymentsIsRefusedAtThePayment() {
        String run = customers();
        ResponseEntity<JsonNode> balance = upload("", "balance-agee-411.csv", sample("balance-agee-411.csv", run,
                StandardCharsets.UTF_8));
        assertThat(balance.getStatusCode()).as(String.valueOf(balance.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(api.get("/api/invoices/" + run + "FA2026-0112").getBody().get("amount").decimalValue())
                .isEqualByComparingTo("1080.00");

        ResponseEntity<JsonNode> ledger = upload("", "grand-livre-411.csv", sample("grand-livre-411.csv", run,
                StandardCharsets.UTF_8));
        assertThat(ledger.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ledger.getBody().at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(ledger.getBody().at("/errors/0/field").asText()).isEqualTo("credit");
        assertThat(ledger.getBody().at("/errors/0/reason").asText()).contains("not an invoice");
        assertThat(api.get("/api/invoices/" + run + "FA2026-0121").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aHeaderThatLeavesADoubtIsRefusedWithTheCandidates() {
        String run = customers();
        String csv = """
                Code client;N° pièce;Date;Date pièce;Échéance;Montant TTC
                %sCLT0101;%sFA2026-0131;20/11/2026;20/11/2026;20/12/2026;100,00
                """.formatted(run, run);
        ResponseEntity<JsonNode> refused = upload("", "export.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("issueDate");
        assertThat(refused.getBody().at("/errors/0/reason").asText())
                .contains("'Date' (column 3) or 'Date pièce' (column 4)").contains("?mapping=");
    }

    @Test
    void aHeaderNoNameMatchesIsReadThroughAMappingSavedOnce() {
        String run = customers();
        String csv = """
                Tiers_Cpt;Doc_Num;Doc_Dt;Ech_Dt;Mnt_TTC
                %sCLT0103;%sFA2026-0141;21/11/2026;21/12/2026;1 999,99
                """.formatted(run, run);
        ResponseEntity<JsonNode> unknown = upload("", "export.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getBody().get("errors").findValuesAsText("reason"))
                .anyMatch(reason -> reason.contains("'N° facture'"));

        String mapping = "erp" + run.toLowerCase();
        ResponseEntity<JsonNode> saved = api.put("/api/imports/mappings/invoices/" + mapping, """
                {"customerExternalId": "Tiers_Cpt", "number": "Doc_Num", "issueDate": "Doc_Dt", "dueDate": "Ech_Dt",
                 "amount": "Mnt_TTC"}""");
        assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody().get("savedBy").asText()).isEqualTo(Api.ADMIN);

        ResponseEntity<JsonNode> imported = upload("?mapping=" + mapping, "export.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(api.get("/api/invoices/" + run + "FA2026-0141").getBody().get("amount").decimalValue())
                .isEqualByComparingTo("1999.99");

        ResponseEntity<JsonNode> wrongField = api.put("/api/imports/mappings/invoices/" + mapping, """
                {"total": "Mnt_TTC"}""");
        assertThat(wrongField.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(wrongField.getBody().at("/errors/0/field").asText()).isEqualTo("columns.total");

        ResponseEntity<JsonNode> missing = upload("?mapping=nothing-saved", "export.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("detail").asText()).contains("no mapping of that name");
    }

    /** The samples' customers, for this run. */
    private String customers() {
        String run = Api.unique("M").replace("-", "");
        for (String code : new String[] {"CLT0101", "CLT0102", "CLT0103", "CLT0112"}) {
            ResponseEntity<JsonNode> created = api.post("/api/customers", """
                    {"externalId": "%s", "name": "Client %s"}""".formatted(run + code, code));
            assertThat(created.getStatusCode().is2xxSuccessful()).as(String.valueOf(created.getBody())).isTrue();
        }
        return run;
    }

    private ResponseEntity<JsonNode> upload(String query, String name, byte[] content) {
        return api.upload("/api/imports/invoices" + query, name, content);
    }

    private static byte[] sample(String name, String run, Charset charset) {
        try (InputStream in = InvoiceCsvMappingTests.class.getResourceAsStream("/accounting/csv/" + name)) {
            String text = new String(in.readAllBytes(), charset);
            return text.replace("CLT", run + "CLT").replace("FA2026-", run + "FA2026-").getBytes(charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
