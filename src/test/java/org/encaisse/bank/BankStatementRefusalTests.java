package org.encaisse.bank;

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
 * A statement file that is not what it claims, or not sound, is refused whole with the line and the XPath (or
 * the record's positions) of what is wrong; nothing of it is recorded, not even its sound entries, and an XML
 * file never makes the parser read anything but itself.
 */
@EncaisseTest
class BankStatementRefusalTests {

    private static final String CHEVALIER_ENTRY = "<Amt Ccy=\"EUR\">9532.80</Amt>";

    @Autowired
    Api api;

    @Autowired
    BankEntries entries;

    @Test
    void anXmlFileWithADoctypeIsRefusedBeforeAnyEntityIsRead() {
        String run = prepared();
        String camt = camt(run);
        String external = camt.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")
                .replace("REGLEMENT FACTURE", "&secret; REGLEMENT FACTURE");
        JsonNode refused = refused(external, run);
        assertThat(refused.at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(refused.at("/errors/0/reason").asText()).contains("declares a document type (DOCTYPE)");
        assertThat(refused.toString()).doesNotContain("root:");

        String laughs = camt.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>""")
                .replace("REGLEMENT FACTURE", "&d; REGLEMENT FACTURE");
        assertThat(refused(laughs, run).at("/errors/0/reason").asText()).contains("DOCTYPE");
    }

    @Test
    void otherIso20022MessagesAndOtherFilesAreNamedForWhatTheyAre() {
        String run = prepared();
        String notification = camt(run).replace("camt.053.001.08", "camt.054.001.08");
        JsonNode refused = refused(notification, run);
        assertThat(refused.at("/errors/0/field").asText()).isEqualTo("/Document");
        assertThat(refused.at("/errors/0/reason").asText()).contains("debit/credit notification (camt.054)");

        JsonNode csv = refused("number;customerExternalId;issueDate;dueDate;amount\nFA-1;C1;2026-11-01;2026-12-01;120.00\n",
                run);
        assertThat(csv.at("/errors/0/reason").asText()).contains("neither a CAMT.053 statement");

        JsonNode broken = refused(camt(run).replace("</GrpHdr>", "</GrpHdrX>"), run);
        assertThat(broken.at("/errors/0/line").asInt()).isEqualTo(7);
        assertThat(broken.at("/errors/0/reason").asText()).startsWith("is not well-formed XML");
    }

    @Test
    void anAmountADateOrACurrencyThatCannotBeIsNamedByItsXpath() {
        String run = prepared();
        JsonNode decimals = refused(camt(run).replaceFirst(CHEVALIER_ENTRY, "<Amt Ccy=\"EUR\">9532.805</Amt>"), run);
        assertThat(decimals.at("/errors/0/field").asText()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt");
        assertThat(decimals.at("/errors/0/reason").asText()).isEqualTo("has 3 decimals; EUR has 2");
        assertThat(decimals.at("/errors/0/line").asInt()).isEqualTo(21);

        JsonNode day = refused(camt(run).replaceFirst("<BookgDt><Dt>2026-12-03</Dt>", "<BookgDt><Dt>2026-02-30</Dt>"), run);
        assertThat(day.at("/errors/0/field").asText()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/BookgDt/Dt");
        assertThat(day.at("/errors/0/value").asText()).isEqualTo("2026-02-30");

        JsonNode currency = refused(camt(run).replaceFirst(CHEVALIER_ENTRY, "<Amt Ccy=\"USD\">9532.80</Amt>"), run);
        assertThat(currency.at("/errors/0/reason").asText()).isEqualTo("is in USD while the statement's account is in EUR");

        // The batch of 7,020.00 whose first transfer says 2,620.00 instead of 2,520.00.
        JsonNode batch = refused(camt(run).replace("<Amt Ccy=\"EUR\">2520.00</Amt>", "<Amt Ccy=\"EUR\">2620.00</Amt>"), run);
        assertThat(batch.at("/errors/0/field").asText()).isEqualTo("/Document/BkToCstmrStmt/Stmt[2]/Ntry[1]/NtryDtls");
        assertThat(batch.at("/errors/0/reason").asText()).contains("adding up to 7120.00 while the entry says 7020.00");
    }

    @Test
    void aBankReferenceImportedBeforeForAnotherAmountIsRefused() {
        String run = prepared();
        assertThat(upload(camt(run).getBytes(StandardCharsets.UTF_8)).getStatusCode()).isEqualTo(HttpStatus.OK);
        String changed = camt(run).replace("9532.80", "9523.80");
        ResponseEntity<JsonNode> refused = upload(changed.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().at("/errors/0/reason").asText())
                .contains("'" + run + "2026120300001' of an entry imported before with another amount or date");
    }

    @Test
    void aPaymentRecordedThroughTheApiUnderAStatementsReferenceIsNotRecordedTwice() {
        String run = prepared();
        String other = run + "2026120300002";
        assertThat(api.post("/api/payments", """
                {"bankReference": "%s", "date": "2026-12-03", "amount": 10.00, "currency": "EUR",
                 "customerExternalId": "%sCLT0102"}""".formatted(other, run)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> refused = upload(camt(run).getBytes(StandardCharsets.UTF_8));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().at("/errors/0/reason").asText())
                .contains("'" + other + "' of a payment recorded before with another amount or date");

        String same = run + "2026120300001";
        assertThat(api.post("/api/payments", """
                {"bankReference": "%s", "date": "2026-12-03", "amount": 9532.80, "currency": "EUR",
                 "invoiceNumbers": ["%sFA2026-0073"]}""".formatted(same, run)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String withoutTheOther = camt(run).replace(">" + other + "<", ">" + run + "2026120300099<");
        ResponseEntity<JsonNode> imported = upload(withoutTheOther.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("alreadyImported").asInt()).isEqualTo(1);
        assertThat(entries.findByBankReference(same)).isEmpty();
    }

    @Test
    void aCfonbRecordOutOfShapeIsNamedByLineAndPositions() {
        String run = prepared();
        String cfonb = new String(BankSamples.cfonb(run), StandardCharsets.ISO_8859_1);
        String[] records = cfonb.split("\r\n");

        String longer = cfonb.replace(records[1], records[1] + "0000000000");
        assertThat(refused(longer, run).at("/errors/0/reason").asText())
                .isEqualTo("is 130 characters long; CFONB 120 records are 120");

        // The amount's last character is the sign and the last digit: a plain digit is neither.
        String unsigned = cfonb.replace(records[1], records[1].substring(0, 103) + "0" + records[1].substring(104));
        JsonNode amount = refused(unsigned, run);
        assertThat(amount.at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(amount.at("/errors/0/field").asText()).isEqualTo("amount (positions 91-104)");

        String day = cfonb.replace(records[1], records[1].substring(0, 34) + "300226" + records[1].substring(40));
        assertThat(refused(day, run).at("/errors/0/field").asText()).isEqualTo("booking date (positions 35-40)");

        String unclosed = cfonb.replace(records[records.length - 1] + "\r\n", "");
        assertThat(refused(unclosed, run).at("/errors/0/reason").asText()).contains("no record 07 closes");
    }

    /** A ledger for the run, so that a file's sound entries would have something to pay. */
    private String prepared() {
        String run = BankSamples.run();
        BankSamples.ledger(api, run, false);
        return run;
    }

    private static String camt(String run) {
        return new String(BankSamples.camt(BankSamples.CAMT_08, run), StandardCharsets.UTF_8);
    }

    private JsonNode refused(String content, String run) {
        long before = entries.count();
        ResponseEntity<JsonNode> response = upload(content.getBytes(StandardCharsets.ISO_8859_1.newEncoder()
                .canEncode(content) && !content.startsWith("<") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("detail").asText()).contains("nothing was imported");
        assertThat(entries.count()).as("bank entries recorded").isEqualTo(before);
        assertThat(api.get("/api/invoices/" + run + "FA2026-0073").getBody().get("status").asText()).isEqualTo("OPEN");
        return response.getBody();
    }

    private ResponseEntity<JsonNode> upload(byte[] content) {
        return api.upload("/api/imports/bank-statements", "statement.xml", content);
    }
}
