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

/**
 * A FEC as two kinds of accounting packages write it goes in whole: customers, invoices with their
 * lettering, payments, credit notes; again, or a week later, it changes only what is new.
 */
@EncaisseTest
class FecImportTests {

    @Autowired
    Api api;

    @Test
    void aSmallCompanysYearGoesInFromItsTabSeparatedLatin9Fec() {
        String run = FecSamples.run();
        JsonNode summary = imported(FecSamples.NOVEMBER, FecSamples.of(FecSamples.NOVEMBER, run));
        assertThat(summary.get("encoding").asText()).isEqualTo("ISO-8859-15");
        assertThat(summary.get("lines").asInt()).isEqualTo(498);
        assertThat(summary.get("customerLines").asInt()).isEqualTo(148);
        assertThat(summary.get("customersCreated").asInt()).isEqualTo(12);
        assertThat(summary.get("invoicesCreated").asInt()).isEqualTo(85);
        assertThat(summary.get("paymentsRecorded").asInt()).isEqualTo(60);
        assertThat(summary.get("creditNotesApplied").asInt()).isEqualTo(2);
        // The move of Brasserie Lefèvre's invoice to doubtful debts (416) is not a payment: listed, not applied.
        assertThat(summary.get("notImported").asInt()).isEqualTo(1);
        assertThat(summary.at("/notImportedLines/0/line").asInt()).isEqualTo(433);
        assertThat(summary.at("/notImportedLines/0/reason").asText()).contains("doubtful");

        JsonNode customer = api.get("/api/customers/" + run + "CLT0111").getBody();
        assertThat(customer.get("name").asText()).isEqualTo("Atelier Œnologie SAS");

        // Carried forward from 2025 in the opening entry, paid in January, lettered AA.
        JsonNode opening = invoice(run + "FA2025-0311");
        assertThat(opening.get("issueDate").asText()).isEqualTo("2025-11-14");
        assertThat(opening.get("status").asText()).isEqualTo("PAID");
        // One transfer for two invoices, lettered BD with both.
        assertThat(invoice(run + "FA2026-0027").get("status").asText()).isEqualTo("PAID");
        assertThat(invoice(run + "FA2026-0043").get("status").asText()).isEqualTo("PAID");
        // The credit note AV2026-0001, lettered CA with the invoice it corrects.
        JsonNode corrected = invoice(run + "FA2026-0001");
        assertThat(corrected.get("outstandingAmount").decimalValue()).isEqualByComparingTo("5306.27");
        // No due date in a FEC: the invoice's date plus the legal 30 days for a customer Encaisse did not know.
        assertThat(corrected.get("issueDate").asText()).isEqualTo("2026-01-05");
        assertThat(corrected.get("dueDate").asText()).isEqualTo("2026-02-04");
        // Invoiced and paid in part in US dollars: the currency's amounts, not the euro equivalents.
        JsonNode export = invoice(run + "FA2026-E001");
        assertThat(export.get("currency").asText()).isEqualTo("USD");
        assertThat(export.get("amount").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(export.get("outstandingAmount").decimalValue()).isEqualByComparingTo("5000.00");
        // Still owed at the end of November, unlettered until December.
        assertThat(invoice(run + "FA2026-0073").get("outstandingAmount").decimalValue()).isEqualByComparingTo("9532.80");

        JsonNode again = imported(FecSamples.NOVEMBER, FecSamples.of(FecSamples.NOVEMBER, run));
        assertThat(again.get("customersCreated").asInt()).isZero();
        assertThat(again.get("invoicesCreated").asInt()).isZero();
        assertThat(again.get("invoicesAlreadyKnown").asInt()).isEqualTo(85);
        assertThat(again.get("paymentsRecorded").asInt()).isZero();
        assertThat(again.get("creditNotesApplied").asInt()).isZero();
        assertThat(again.get("creditsAlreadyImported").asInt()).isEqualTo(62);
        assertThat(invoice(run + "FA2026-0001").get("outstandingAmount").decimalValue()).isEqualByComparingTo("5306.27");

        // A week later the FEC repeats the year and adds December: three invoices and the October invoice's payment.
        JsonNode december = imported(FecSamples.DECEMBER, FecSamples.of(FecSamples.DECEMBER, run));
        assertThat(december.get("invoicesCreated").asInt()).isEqualTo(3);
        assertThat(december.get("paymentsRecorded").asInt()).isEqualTo(1);
        assertThat(december.get("creditsAlreadyImported").asInt()).isEqualTo(62);
        assertThat(invoice(run + "FA2026-0073").get("status").asText()).isEqualTo("PAID");
        assertThat(invoice(run + "FA2026-0083").get("issueDate").asText()).isEqualTo("2026-12-02");
    }

    @Test
    void anotherPackagesPipeSeparatedUtf8FecWithDueDatesGoesInToo() {
        String run = FecSamples.run();
        JsonNode summary = imported(FecSamples.PIPE_UTF8, FecSamples.of(FecSamples.PIPE_UTF8, run));
        assertThat(summary.get("encoding").asText()).isEqualTo("UTF-8");
        assertThat(summary.get("customersCreated").asInt()).isEqualTo(6);
        assertThat(summary.get("invoicesCreated").asInt()).isEqualTo(38);
        assertThat(summary.get("paymentsRecorded").asInt()).isEqualTo(27);
        assertThat(api.get("/api/customers/" + run + "9ETIENNE").getBody().get("name").asText())
                .isEqualTo("Clinique Saint-Étienne");
        // One carry-forward PieceRef for two customers: each customer's balance is an invoice of its own.
        JsonNode carried = invoice(run + "RAN2026 " + run + "9AUBERT");
        assertThat(carried.get("amount").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(carried.get("dueDate").asText()).isEqualTo("2026-01-31");
        assertThat(invoice(run + "RAN2026 " + run + "9DELORME").get("amount").decimalValue())
                .isEqualByComparingTo("612.50");
        // The package's EcheanceDate column gives the due date: 45 days for Charpy, 30 for the others.
        JsonNode first = invoice(run + "F26-00001");
        assertThat(java.time.LocalDate.parse(first.get("dueDate").asText()))
                .isIn(java.time.LocalDate.parse(first.get("issueDate").asText()).plusDays(30),
                        java.time.LocalDate.parse(first.get("issueDate").asText()).plusDays(45));
    }

    @Test
    void anInvoiceWithoutDueDateTakesTheTermOfTheCustomersLatestInvoice() {
        String customer = api.customer();
        api.invoice(customer, "2026-03-01", "2026-04-15", "100");
        String piece = Api.unique("FA");
        String fec = header() + """
                VE\tVentes\tVE1\t20260410\t411000\tClients\t%1$s\tClient\t%2$s\t20260410\tFacture\t1200,00\t0,00\t\t\t20260410\t\t
                VE\tVentes\tVE1\t20260410\t706000\tPrestations\t\t\t%2$s\t20260410\tFacture\t0,00\t1200,00\t\t\t20260410\t\t
                """.formatted(customer, piece);
        imported("FEC.txt", fec.getBytes(StandardCharsets.UTF_8));
        assertThat(invoice(piece).get("dueDate").asText()).isEqualTo("2026-05-25");
    }

    @Test
    void amountsGivenAsMontantAndSensAreReadAsDebitsAndCredits() {
        String customer = Api.unique("C");
        String piece = Api.unique("FA");
        String fec = """
                JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Montant|Sens|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise
                VT|Ventes|12|20260302|411000|Clients|%1$s|Pâtisserie Verrier|%2$s|20260302|Facture|600,00|D|||20260302||
                VT|Ventes|12|20260302|706000|Prestations|||%2$s|20260302|Facture|500,00|C|||20260302||
                VT|Ventes|12|20260302|445710|TVA collectée|||%2$s|20260302|Facture|100,00|C|||20260302||
                BQ|Banque|7|20260320|512000|Banque|||VIR0320|20260320|Virement|250,00|D|||20260320||
                BQ|Banque|7|20260320|411000|Clients|%1$s|Pâtisserie Verrier|VIR0320|20260320|Virement|250,00|C|||20260320||
                """.formatted(customer, piece);
        JsonNode summary = imported("FEC.txt", fec.getBytes(StandardCharsets.UTF_8));
        assertThat(summary.get("paymentsRecorded").asInt()).isEqualTo(1);
        JsonNode invoice = invoice(piece);
        assertThat(invoice.get("amount").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(invoice.get("outstandingAmount").decimalValue()).isEqualByComparingTo("350.00");
    }

    @Test
    void aDryRunSaysWhatTheImportWouldDoAndStoresNothing() {
        String run = FecSamples.run();
        ResponseEntity<JsonNode> dry = api.upload("/api/imports/fec?dryRun=true", FecSamples.PIPE_UTF8,
                FecSamples.of(FecSamples.PIPE_UTF8, run));
        assertThat(dry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dry.getBody().get("dryRun").asBoolean()).isTrue();
        assertThat(dry.getBody().get("invoicesCreated").asInt()).isEqualTo(38);
        assertThat(api.get("/api/customers/" + run + "9AUBERT").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/invoices/" + run + "F26-00001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    static String header() {
        return "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\t"
                + "PieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\n";
    }

    private JsonNode imported(String name, byte[] content) {
        ResponseEntity<JsonNode> response = api.upload("/api/imports/fec", name, content);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode invoice(String number) {
        ResponseEntity<JsonNode> response = api.get("/api/invoices/" + number);
        assertThat(response.getStatusCode()).as(number).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
