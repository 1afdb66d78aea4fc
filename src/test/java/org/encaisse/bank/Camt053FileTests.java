package org.encaisse.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.encaisse.input.InputErrors;
import org.junit.jupiter.api.Test;

/** What the reader makes of statements the samples do not show. */
class Camt053FileTests {

    @Test
    void aStatementThatGivesNoAccountCurrencyHasItsEntriesInTheirOwn() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-20T22:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>S1</Id><Acct><Id><IBAN>FR7618206000201234567890176</IBAN></Id></Acct>
                <Ntry><Amt Ccy="EUR">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef></Ntry>
                </Stmt></BkToCstmrStmt></Document>
                """;
        InputErrors errors = new InputErrors();
        Camt053File file = Camt053File.read(xml.getBytes(StandardCharsets.UTF_8), errors);
        assertThat(errors.isEmpty()).isTrue();
        StatementEntry entry = file.statements().get(0).entries().get(0);
        assertThat(entry.currency()).isEqualTo("EUR");
        assertThat(entry.amount()).isEqualByComparingTo("150.00");
        assertThat(entry.bankReference()).isEqualTo("R1");
    }
}
