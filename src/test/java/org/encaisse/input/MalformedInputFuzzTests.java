package org.encaisse.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Thousands of generated malformed inputs against the import and payment APIs (CSV, JSON, FEC, and the bank's
 * CAMT.053 and CFONB 120 statements): valid files and
 * bodies, each broken a few ways at random (characters cut, repeated or replaced, fields swapped,
 * lines dropped or doubled, values replaced by hostile ones). Whatever comes in, the answer is never
 * a server error; a refusal explains itself; and a refused input leaves the customer's ledger as it
 * was. The seed
 * and the count are system properties ({@code encaisse.fuzz.seed}, {@code encaisse.fuzz.inputs}).
 */
@EncaisseTest
class MalformedInputFuzzTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = Long.getLong("encaisse.fuzz.seed", 20261202L);
    private static final int INPUTS = Integer.getInteger("encaisse.fuzz.inputs", 10_000);
    private static final int FEC_INPUTS = Integer.getInteger("encaisse.fuzz.fec-inputs", 1_500);
    private static final int STATEMENT_INPUTS = Integer.getInteger("encaisse.fuzz.statement-inputs", 1_500);
    /** The account of application-test.yaml's encaisse.bank.accounts, so that a sound statement is taken. */
    private static final String ACCOUNT = "FR7618206000201234567890176";
    private static final String[] XML_HOSTILE = {"<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
        "&x;", "&amp;", "<![CDATA[x]]>", "<!-- c -->", "<Ntry>", "</Stmt>", "xmlns=\"urn:x\"", "Ccy=\"\"",
        "<?pi x?>", "\u0001"};

    private static final String[] HOSTILE = {"", " ", "-1", "0", "1e309", "NaN", "-0,00", "999999999999999999999.999",
        "31/02/2026", "2026-13-01", "0000-00-00", "null", "true", "[]", "{}", "\"", "\\", ";", ",", "\n", "\r\n",
        "\u0000", "\uFEFF", "\u00A0", "é", "𝄞", "' OR 1=1 --", "<script>", "=cmd|' /C calc'!A0", "${jndi:ldap://x}",
        "x".repeat(300), "EUR", "XYZ", "€", "1.234,56", "1 234,56", "12/10/2026", "2026-10-12"};

    private static final String BREAKERS = "\";,{}[]:\\\n\u0000é";

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    String customer;
    Random random;

    @BeforeEach
    void customer() {
        customer = api.customer();
        random = new Random(SEED);
    }

    @Test
    void malformedImportsAndPaymentsNeverFailTheServerNorLeaveAnythingBehind() {
        int csvFiles = INPUTS / 2;
        int invoiceBodies = INPUTS / 4;
        int paymentBodies = INPUTS - csvFiles - invoiceBodies;
        Tally tally = new Tally();
        run(csvFiles, i -> invoiceCsv(Api.unique("FZC")), file -> upload("/api/imports/invoices", "factures.csv", file),
                tally);
        run(invoiceBodies, i -> invoiceJson(Api.unique("FZJ")), body -> postJson("/api/invoices", body), tally);
        run(paymentBodies, i -> paymentJson(Api.unique("FZP")), body -> postJson("/api/payments", body), tally);
        run(FEC_INPUTS, i -> fec(Api.unique("FZF")), file -> upload("/api/imports/fec", "FEC.txt", file), tally);
        run(STATEMENT_INPUTS, i -> camt(Api.unique("FZB")), file -> upload("/api/imports/bank-statements", "camt.xml", file),
                tally);
        run(STATEMENT_INPUTS, i -> cfonb(Api.unique("FZO")), file -> upload("/api/imports/bank-statements", "releve.txt",
                file), tally);

        assertThat(tally.serverErrors).as("answers 5xx").isEmpty();
        assertThat(tally.unexplained).as("refusals without a reason").isEmpty();
        assertThat(tally.leftBehind).as("refused inputs that stored something").isEmpty();
        int all = INPUTS + FEC_INPUTS + 2 * STATEMENT_INPUTS;
        assertThat(tally.refused).as("most inputs are broken").isGreaterThan(all / 2);
        System.out.printf("Fuzz (seed %d): %d inputs (%d FEC, %d bank statements), %d refused with a reason, %d accepted, "
                + "0 server errors%n", SEED, all, FEC_INPUTS, 2 * STATEMENT_INPUTS, tally.refused, tally.accepted);
    }

    private void run(int count, IntFunction<Generated> generate, Function<String, ResponseEntity<String>> call,
                     Tally tally) {
        String before = ledgerOfCustomer();
        for (int i = 0; i < count; i++) {
            Generated input = generate.apply(i);
            ResponseEntity<String> answer = call.apply(input.text());
            String after = ledgerOfCustomer();
            int status = answer.getStatusCode().value();
            String label = status + " for " + input.key() + ": " + abbreviate(input.text());
            if (status >= 500) {
                tally.serverErrors.add(label + " -> " + abbreviate(answer.getBody()));
            } else if (status >= 400) {
                tally.refused++;
                if (!explained(answer.getBody())) {
                    tally.unexplained.add(label + " -> " + abbreviate(answer.getBody()));
                }
                if (!after.equals(before)) {
                    tally.leftBehind.add(label + " changed " + before + " to " + after);
                }
            } else {
                tally.accepted++;
            }
            before = after;
        }
    }

    /** A problem with a detail, or a list of errors each with its reason. */
    private static boolean explained(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            JsonNode errors = problem.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                for (JsonNode error : errors) {
                    if (error.path("reason").asText("").isBlank()) {
                        return false;
                    }
                }
                return true;
            }
            return !problem.path("detail").asText("").isBlank();
        } catch (Exception notJson) {
            return false;
        }
    }

    /** What the fuzzed customer's ledger holds: its invoices, what they owe, its payments; and the bank entries. */
    private String ledgerOfCustomer() {
        return jdbc.queryForObject("""
                SELECT CONCAT(COUNT(*), ' invoices owing ', COALESCE(SUM(outstanding_amount), 0), ', ',
                  (SELECT COUNT(*) FROM payment p WHERE p.customer_id = c.id), ' payments, ',
                  (SELECT COUNT(*) FROM bank_entry), ' bank entries')
                FROM customer c LEFT JOIN invoice i ON i.customer_id = c.id WHERE c.external_id = ? GROUP BY c.id""",
                String.class, customer);
    }

    private Generated invoiceCsv(String key) {
        List<String> lines = new ArrayList<>();
        boolean french = random.nextBoolean();
        String separator = french ? ";" : ",";
        lines.add(String.join(separator, "number", "customerExternalId", "issueDate", "dueDate", "amount", "currency"));
        int rows = 1 + random.nextInt(4);
        for (int row = 0; row < rows; row++) {
            lines.add(String.join(separator, key + "-" + row, customer, french ? "15/09/2026" : "2026-09-15",
                    french ? "15/10/2026" : "2026-10-15", french ? "1 234,56" : "1234.56", "EUR"));
        }
        String file = breakText(breakLines(lines, separator), 1 + random.nextInt(3));
        return new Generated(key, file);
    }

    /** A sale and its payment, lettered, as a FEC writes them; broken like the CSV files. */
    private Generated fec(String key) {
        String journal = "VE" + key.substring(key.lastIndexOf('-') + 1);
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
                "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet",
                "DateLet", "ValidDate", "Montantdevise", "Idevise"));
        lines.add(String.join("\t", journal, "Ventes", "1", "20260915", "411000", "Clients", customer, "Client fuzz", key,
                "20260915", "Facture " + key, "1440,00", "0,00", "AA", "20261020", "20260915", "", ""));
        lines.add(String.join("\t", journal, "Ventes", "1", "20260915", "706000", "Prestations", "", "", key,
                "20260915", "Facture " + key, "0,00", "1200,00", "", "", "20260915", "", ""));
        lines.add(String.join("\t", journal, "Ventes", "1", "20260915", "445710", "TVA collectée", "", "", key,
                "20260915", "Facture " + key, "0,00", "240,00", "", "", "20260915", "", ""));
        lines.add(String.join("\t", "B" + journal, "Banque", "2", "20261020", "512000", "Banque", "", "", "VIR" + key,
                "20261020", "Virement", "1440,00", "0,00", "", "", "20261020", "", ""));
        lines.add(String.join("\t", "B" + journal, "Banque", "2", "20261020", "411000", "Clients", customer, "Client fuzz",
                "VIR" + key, "20261020", "Virement", "0,00", "1440,00", "AA", "20261020", "20261020", "", ""));
        return new Generated(key, breakText(breakLines(lines, "\t"), random.nextInt(3)));
    }

    /**
     * A day's CAMT.053 (.001.02 or .08) of the company's account: a transfer naming one of the customer's
     * invoices, a batch of two, a debit; broken in its text or its XML.
     */
    private Generated camt(String key) {
        boolean recent = random.nextBoolean();
        String amount = recent ? "<Amt Ccy=\"EUR\">%s</Amt>" : "<AmtDtls><TxAmt><Amt Ccy=\"EUR\">%s</Amt></TxAmt></AmtDtls>";
        String debtor = recent ? "<Pty><Nm>%s</Nm></Pty>" : "<Nm>%s</Nm>";
        String status = recent ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>";
        String transaction = """
                <TxDtls><Refs><AcctSvcrRef>%s</AcctSvcrRef><EndToEndId>%s</EndToEndId></Refs>%s<CdtDbtInd>CRDT</CdtDbtInd>
                <RltdPties><Dbtr>%s</Dbtr><DbtrAcct><Id><IBAN>FR7610278060410002031850142</IBAN></Id></DbtrAcct></RltdPties>
                <RmtInf><Ustrd>FACTURE %s</Ustrd><Strd><RfrdDocInf><Nb>%s</Nb></RfrdDocInf></Strd></RmtInf></TxDtls>""";
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.%s"><BkToCstmrStmt>
                <GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-11-20T22:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>%s</Id><Acct><Id><IBAN>%s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Ntry><NtryRef>%s-1</NtryRef><Amt Ccy="EUR">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>%s
                <BookgDt><Dt>2026-11-20</Dt></BookgDt><ValDt><Dt>2026-11-20</Dt></ValDt><AcctSvcrRef>%s-1</AcctSvcrRef>
                <NtryDtls>%s</NtryDtls></Ntry>
                <Ntry><Amt Ccy="EUR">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>%s<BookgDt><DtTm>2026-11-20T10:00:00</DtTm></BookgDt>
                <AcctSvcrRef>%s-2</AcctSvcrRef><NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>%s%s</NtryDtls></Ntry>
                <Ntry><Amt Ccy="EUR">42.10</Amt><CdtDbtInd>DBIT</CdtDbtInd>%s<BookgDt><Dt>2026-11-20</Dt></BookgDt>
                <AcctSvcrRef>%s-3</AcctSvcrRef></Ntry>
                </Stmt></BkToCstmrStmt></Document>
                """.formatted(recent ? "08" : "02", key, key, ACCOUNT, key, status, key,
                transaction.formatted(key + "-1a", "NOTPROVIDED", amount.formatted("150.00"), debtor.formatted("CLIENT FUZZ"),
                        key + "-0", key + "-0"),
                status, key,
                transaction.formatted(key + "-2a", key + "-1", amount.formatted("100.00"), debtor.formatted("CLIENT FUZZ"),
                        key + "-1", key + "-1"),
                transaction.formatted(key + "-2b", "E2E" + key, amount.formatted("200.00"), debtor.formatted("AUTRE SARL"),
                        "", ""),
                status, key);
        String broken = random.nextBoolean() ? breakText(xml, 1 + random.nextInt(3)) : breakXml(xml);
        return new Generated(key, broken);
    }

    /** Replaces a value, or puts something hostile between two elements, the document otherwise as it was. */
    private String breakXml(String xml) {
        List<Integer> openings = new ArrayList<>();
        for (int at = xml.indexOf('>'); at >= 0; at = xml.indexOf('>', at + 1)) {
            openings.add(at + 1);
        }
        int at = openings.get(random.nextInt(openings.size()));
        String inserted = random.nextBoolean() ? XML_HOSTILE[random.nextInt(XML_HOSTILE.length)]
                : HOSTILE[random.nextInt(HOSTILE.length)];
        int end = random.nextBoolean() ? xml.indexOf('<', at) : at;
        return xml.substring(0, at) + inserted + xml.substring(end < 0 ? at : end);
    }

    /** A CFONB 120 day of the company's account: a credit with its payer and reference, a debit; broken like a FEC. */
    private Generated cfonb(String key) {
        String number = String.format("%07d", Math.floorMod(key.hashCode(), 10_000_000));
        List<String> records = new ArrayList<>();
        String account = "18206    00020EUR2 12345678901";
        records.add(padded("01" + account + "  201126" + " ".repeat(50) + "0000000100000{"));
        records.add(padded("04" + "18206015800020EUR2 12345678901" + "05201126  201126" + pad("VIR SEPA CLIENT FUZZ", 31)
                + "  " + number + "  " + "0000000015000{" + pad(key, 16)));
        records.add(padded("05" + "18206015800020EUR2 12345678901" + "05201126     NPY" + pad("CLIENT FUZZ", 70)));
        records.add(padded("05" + "18206015800020EUR2 12345678901" + "05201126     LIB" + pad("FACTURE " + key + "-0", 70)));
        records.add(padded("04" + "18206065500020EUR2 12345678901" + "01201126  201126" + pad("PRLV SEPA EDF", 31)
                + "  " + number.substring(0, 6) + "9  " + "0000000004210}" + pad("EDF", 16)));
        records.add(padded("07" + account + "  201126" + " ".repeat(50) + "0000000101079B"));
        String broken = random.nextBoolean() ? breakLines(records, "  ") : String.join("\r\n", records);
        return new Generated(key, breakText(broken, random.nextInt(3)));
    }

    private static String pad(String text, int width) {
        String fitted = text.length() > width ? text.substring(0, width) : text;
        return fitted + " ".repeat(width - fitted.length());
    }

    private static String padded(String record) {
        return pad(record, 120);
    }

    private Generated invoiceJson(String key) {
        String body = """
                [{"number": "%s", "customerExternalId": "%s", "issueDate": "2026-09-15", "dueDate": "2026-10-15",
                  "amount": 1200.00, "currency": "EUR"},
                 {"number": "%s", "customerExternalId": "%s", "issueDate": "2026-09-20", "dueDate": "2026-10-20",
                  "amount": 99.90}]""".formatted(key + "-1", customer, key + "-2", customer);
        return new Generated(key, breakJson(body));
    }

    private Generated paymentJson(String key) {
        String body = random.nextBoolean()
                ? """
                {"bankReference": "%s", "date": "2026-10-20", "amount": 150.00, "customerExternalId": "%s"}"""
                .formatted(key + "-1", customer)
                : """
                {"bankReference": "%s", "date": "2026-10-20", "amount": 150.00, "invoiceNumbers": ["%s", "FA-NONE"]}"""
                .formatted(key + "-1", Api.unique("FA"));
        return new Generated(key, breakJson(body));
    }

    private String breakLines(List<String> lines, String separator) {
        List<String> broken = new ArrayList<>(lines);
        switch (random.nextInt(6)) {
            case 0 -> broken.remove(random.nextInt(broken.size()));
            case 1 -> broken.add(random.nextInt(broken.size()), broken.get(random.nextInt(broken.size())));
            case 2 -> {
                int line = random.nextInt(broken.size());
                String[] fields = broken.get(line).split(separator, -1);
                fields[random.nextInt(fields.length)] = HOSTILE[random.nextInt(HOSTILE.length)];
                broken.set(line, String.join(separator, fields));
            }
            case 3 -> {
                int line = 1 + random.nextInt(broken.size() - 1 == 0 ? 1 : broken.size() - 1);
                if (line < broken.size()) {
                    String[] fields = broken.get(line).split(separator, -1);
                    int a = random.nextInt(fields.length);
                    int b = random.nextInt(fields.length);
                    String swap = fields[a];
                    fields[a] = fields[b];
                    fields[b] = swap;
                    broken.set(line, String.join(separator, fields));
                }
            }
            case 4 -> broken.set(0, broken.get(0).replace(separator, random.nextBoolean() ? "\t" : "|"));
            default -> broken.add(HOSTILE[random.nextInt(HOSTILE.length)]);
        }
        return String.join(random.nextBoolean() ? "\n" : "\r\n", broken);
    }

    private String breakJson(String body) {
        if (random.nextInt(3) == 0) {
            // A value replaced by a hostile one, the JSON left well-formed.
            String[] values = {"\"2026-09-15\"", "1200.00", "\"EUR\"", "150.00", "\"2026-10-20\"", "99.90"};
            String target = values[random.nextInt(values.length)];
            String hostile = HOSTILE[random.nextInt(HOSTILE.length)];
            String replacement = random.nextBoolean() ? JSON.valueToTree(hostile).toString() : hostile;
            return body.replaceFirst(java.util.regex.Pattern.quote(target),
                    java.util.regex.Matcher.quoteReplacement(replacement));
        }
        return breakText(body, 1 + random.nextInt(3));
    }

    /** Cuts, doubles or replaces a few characters anywhere, or truncates. */
    private String breakText(String text, int times) {
        StringBuilder broken = new StringBuilder(text);
        for (int i = 0; i < times && broken.length() > 0; i++) {
            int at = random.nextInt(broken.length());
            switch (random.nextInt(4)) {
                case 0 -> broken.deleteCharAt(at);
                case 1 -> broken.insert(at, broken.charAt(at));
                case 2 -> broken.setCharAt(at, BREAKERS.charAt(random.nextInt(BREAKERS.length())));
                default -> broken.setLength(at);
            }
        }
        return broken.toString();
    }

    private ResponseEntity<String> upload(String path, String fileName, String file) {
        byte[] content = file.getBytes(random.nextInt(4) == 0 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return api.as(Api.ADMIN, Api.ADMIN_PASSWORD).postForEntity(path, new HttpEntity<>(parts, headers), String.class);
    }

    private ResponseEntity<String> postJson(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api.as(Api.ADMIN, Api.ADMIN_PASSWORD).postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private record Generated(String key, String text) {
    }

    private static final class Tally {
        final List<String> serverErrors = new ArrayList<>();
        final List<String> unexplained = new ArrayList<>();
        final List<String> leftBehind = new ArrayList<>();
        int refused;
        int accepted;
    }
}
