package org.encaisse.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A FEC with one bad line is refused whole, with each error's line and column, and nothing is stored. */
@EncaisseTest
class FecRefusalTests {

    @Autowired
    Api api;

    private final String customer = Api.unique("C");
    private final String piece = Api.unique("FA");

    @Test
    void aMissingColumnIsNamed() {
        String fec = FecImportTests.header().replace("\tCompAuxLib", "") + sale("1200,00").replaceFirst("\tClient Test", "");
        JsonNode error = refused(fec, 1);
        assertThat(error.get("field").asText()).isEqualTo("CompAuxLib");
        assertThat(error.get("reason").asText()).contains("missing from the header");
    }

    @Test
    void anAmountWithThreeDecimalsIsRefused() {
        JsonNode error = refused(FecImportTests.header() + sale("1200,005"), 2);
        assertThat(error.get("field").asText()).isEqualTo("Debit");
        assertThat(error.get("reason").asText()).isEqualTo("has more than two decimals");
    }

    @Test
    void aDateThatDoesNotExistIsRefused() {
        JsonNode error = refused(FecImportTests.header() + sale("1200,00").replace("20260410\tFacture", "20260230\tFacture"), 2);
        assertThat(error.get("field").asText()).isEqualTo("PieceDate");
        assertThat(error.get("reason").asText()).isEqualTo("is not a date that exists");
    }

    @Test
    void anEntryThatDoesNotBalanceIsRefusedOnItsFirstLine() {
        String fec = FecImportTests.header() + sale("1200,00").lines().findFirst().orElseThrow() + "\n"
                + "VE\tVentes\tVE1\t20260410\t706000\tPrestations\t\t\t" + piece + "\t20260410\tFacture\t0,00\t1000,00\t\t\t20260410\t\t\n";
        JsonNode error = refused(fec, 2);
        assertThat(error.get("reason").asText()).contains("does not balance: debits 1200.00, credits 1000.00");
    }

    @Test
    void aCsvPostedAsAFecIsNotTakenForOne() {
        JsonNode error = refused("number;customerExternalId;issueDate;dueDate;amount\n" + piece + ";" + customer
                + ";2026-04-10;2026-05-10;1200\n", 1);
        assertThat(error.get("reason").asText()).contains("is not a FEC header");
    }

    @Test
    void aLineWithTooFewFieldsIsRefused() {
        JsonNode error = refused(FecImportTests.header() + "VE\tVentes\tVE1\t20260410\t411000\n" + sale("1200,00"), 2);
        assertThat(error.get("reason").asText()).isEqualTo("has 5 fields but the header has 18 columns");
    }

    @Test
    void onePieceInvoicedToTwoCustomersIsRefused() {
        String other = Api.unique("C");
        String fec = FecImportTests.header() + sale("1200,00") + sale("1200,00").replace(customer, other)
                .replace("VE1\t", "VE2\t");
        JsonNode error = refused(fec, 4);
        assertThat(error.get("field").asText()).isEqualTo("PieceRef");
        assertThat(error.get("reason").asText()).contains("under the same PieceRef");
    }

    @Test
    void aPaymentDatedInTheFutureIsRefused() {
        String fec = FecImportTests.header() + sale("1200,00")
                + "BQ\tBanque\tBQ1\t20991231\t512000\tBanque\t\t\tVIR1\t20991231\tVirement\t1200,00\t0,00\t\t\t20991231\t\t\n"
                + "BQ\tBanque\tBQ1\t20991231\t411000\tClients\t" + customer + "\tClient Test\tVIR1\t20991231\tVirement\t0,00\t1200,00\t\t\t20991231\t\t\n";
        JsonNode error = refused(fec, 5);
        assertThat(error.get("field").asText()).isEqualTo("EcritureDate");
    }

    private String sale(String amount) {
        return """
                VE\tVentes\tVE1\t20260410\t411000\tClients\t%1$s\tClient Test\t%2$s\t20260410\tFacture\t%3$s\t0,00\t\t\t20260410\t\t
                VE\tVentes\tVE1\t20260410\t706000\tPrestations\t\t\t%2$s\t20260410\tFacture\t0,00\t%3$s\t\t\t20260410\t\t
                """.formatted(customer, piece, amount);
    }

    /** Refused with 422; returns the first error, which must be on {@code line}; nothing of the file is stored. */
    private JsonNode refused(String fec, int line) {
        ResponseEntity<JsonNode> response = api.upload("/api/imports/fec", "FEC.txt", fec.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("detail").asText()).endsWith("nothing was imported.");
        JsonNode error = response.getBody().at("/errors/0");
        assertThat(error.get("line").asInt()).as(error.toString()).isEqualTo(line);
        assertThat(api.get("/api/customers/" + customer).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/invoices/" + piece).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        return error;
    }
}
