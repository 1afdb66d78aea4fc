package org.encaisse.bank;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.encaisse.support.BenchmarkApplication;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bank's day of ENTRIES transfers, imported as one CAMT.053 over HTTP on MariaDB, against the same number of
 * payments posted one by one to the JSON API (which needs the invoices named: no matching). Prints the times, the
 * ratio, what the matching did and the heap's peak; asserts nothing. Run by bench/bank-statement.sh.
 */
public final class BankStatementBenchmark {

    private static final int INVOICES_PER_CUSTOMER = 4;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int entries = Integer.parseInt(args[1]);
        try (BenchmarkApplication app = BenchmarkApplication.start(url)) {
            load(app.bean(JdbcTemplate.class), entries);
            String statement = statement(entries);
            System.out.printf("statement: %d entries, %.1f MB%n", entries, statement.length() / 1e6);
            BenchmarkApplication.resetHeapPeaks();
            long start = System.nanoTime();
            HttpResponse<String> imported = upload(app, statement);
            double importSeconds = (System.nanoTime() - start) / 1e9;
            String summary = imported.body();
            System.out.printf("CAMT.053 import (HTTP %d): %.1f s, %.0f entries/s; %s; heap peak %d MB, live after GC %d MB%n",
                    imported.statusCode(), importSeconds, entries / importSeconds, counts(summary),
                    BenchmarkApplication.heapPeakMb(), BenchmarkApplication.liveHeapPeakMb());
            // What the job executor does next, one job after the other: each left entry's likely customers proposed
            // and its "Rapprocher le paiement" task created.
            org.camunda.bpm.engine.ManagementService management = app.bean(org.camunda.bpm.engine.ManagementService.class);
            start = System.nanoTime();
            int proposed = 0;
            for (org.camunda.bpm.engine.runtime.Job job : management.createJobQuery()
                    .processDefinitionKey("BankPaymentMatchingProcess").list()) {
                management.executeJob(job.getId());
                proposed++;
            }
            System.out.printf("then, likely customers proposed and tasks created: %d jobs in %.1f s (one thread)%n", proposed,
                    (System.nanoTime() - start) / 1e9);
            if (args.length > 2 && args[2].equals("no-json")) {
                return;
            }
            start = System.nanoTime();
            HttpClient http = HttpClient.newHttpClient();
            int failed = 0;
            for (int i = 1; i <= entries; i++) {
                int invoice = entries + i;
                String body = "{\"bankReference\": \"JSON-%d\", \"date\": \"%s\", \"amount\": %s, \"currency\": \"EUR\", \"invoiceNumbers\": [\"BK-%d\"]}"
                        .formatted(invoice, LocalDate.now().minusDays(1), amount(invoice), invoice);
                HttpResponse<String> answer = http.send(app.request("/api/payments")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                failed += answer.statusCode() == 201 ? 0 : 1;
            }
            double jsonSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("JSON API, one payment per call: %.1f s, %.0f payments/s (%d not 201)%n", jsonSeconds,
                    entries / jsonSeconds, failed);
            System.out.printf("ratio: the statement takes %.2f x the time of the same payments through the JSON API%n",
                    importSeconds / jsonSeconds);
        }
    }

    /** Customers with four open invoices each, twice as many invoices as entries: half for each way in. */
    private static void load(JdbcTemplate jdbc, int entries) {
        long start = System.nanoTime();
        int invoices = 2 * entries;
        int customers = invoices / INVOICES_PER_CUSTOMER;
        jdbc.update("""
                INSERT INTO customer (id, external_id, name, language, delivery_blocked, version, created_at, updated_at)
                SELECT seq, CONCAT('BK', LPAD(seq, 7, '0')), CONCAT('Client Banc ', seq), 'fr', FALSE, 0, NOW(6), NOW(6)
                FROM seq_1_to_%d""".formatted(customers));
        jdbc.update("""
                INSERT INTO invoice (id, number, customer_id, issue_date, due_date, amount, currency, outstanding_amount,
                                     status, version, created_at, updated_at, limitation_date)
                SELECT seq, CONCAT('BK-', seq), 1 + (seq - 1) DIV %d, CURDATE() - INTERVAL 60 DAY,
                       CURDATE() - INTERVAL 30 DAY, %s, 'EUR', %s, 'OPEN', 0, NOW(6), NOW(6),
                       CURDATE() + INTERVAL 5 YEAR
                FROM seq_1_to_%d""".formatted(INVOICES_PER_CUSTOMER, AMOUNT_SQL, AMOUNT_SQL, invoices));
        // Their names' words (NameWords: "client", "banc" and the number), as the application keeps them.
        jdbc.update("""
                INSERT INTO customer_name_word (customer_id, word)
                SELECT seq, 'client' FROM seq_1_to_%1$d UNION ALL SELECT seq, 'banc' FROM seq_1_to_%1$d
                UNION ALL SELECT seq, CAST(seq AS CHAR) FROM seq_1_to_%1$d""".formatted(customers));
        // The customers of the IBAN rule's tenth pay from an account a collector's match taught.
        jdbc.update("""
                INSERT INTO customer_iban (id, customer_id, iban, learnt_from, learnt_at)
                SELECT seq, seq, CONCAT('FR7699999', LPAD(seq, 18, '0')), 'bench', NOW(6) FROM seq_1_to_%d""".formatted(customers));
        jdbc.queryForList("ANALYZE TABLE customer, customer_name_word, invoice, customer_iban");
        System.out.printf("data: %d customers, %d open invoices in %.1f s%n", customers, invoices,
                (System.nanoTime() - start) / 1e9);
    }

    private static final String AMOUNT_SQL = "100 + (seq * 7919) % 90000 + (seq % 100) / 100";

    private static String amount(int invoice) {
        return java.math.BigDecimal.valueOf(100 + (invoice * 7919L) % 90000).add(java.math.BigDecimal.valueOf(invoice % 100, 2))
                .toPlainString();
    }

    /** 80 % name their invoice, 10 % come from a known IBAN with the amount of one invoice, 10 % name nothing. */
    private static String statement(int entries) {
        String day = LocalDate.now().minusDays(1).toString();
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>%sT22:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>BENCH-%s</Id><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
                """.formatted(day, UUID.randomUUID()));
        for (int i = 1; i <= entries; i++) {
            int customer = 1 + (i - 1) / INVOICES_PER_CUSTOMER;
            String remittance;
            String iban = "FR7611111" + String.format("%018d", i);
            String name = "PAYEUR " + i;
            if (i % 10 == 9) {
                remittance = "<Ustrd>VIREMENT</Ustrd>";
                iban = "FR7699999" + String.format("%018d", customer);
            } else if (i % 10 == 0) {
                remittance = "<Ustrd>VIREMENT</Ustrd>";
                name = "SOCIETE INCONNUE " + i;
            } else {
                remittance = "<Ustrd>REGLEMENT FACTURE BK-" + i + "</Ustrd>";
            }
            xml.append("""
                    <Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>%s</Dt></BookgDt><AcctSvcrRef>BENCH-%d</AcctSvcrRef><NtryDtls><TxDtls>
                    <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                    <RltdPties><Dbtr><Pty><Nm>%s</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>
                    <RmtInf>%s</RmtInf></TxDtls></NtryDtls></Ntry>
                    """.formatted(amount(i), day, i, name, iban, remittance));
        }
        return xml.append("</Stmt></BkToCstmrStmt></Document>\n").toString();
    }

    private static HttpResponse<String> upload(BenchmarkApplication app, String statement) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"camt053.xml\"\r\n"
                + "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = app.request("/api/imports/bank-statements")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(Arrays.asList(head,
                        statement.getBytes(StandardCharsets.UTF_8), tail))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String counts(String summary) {
        StringBuilder found = new StringBuilder();
        for (String field : new String[] {"applied", "leftToMatch", "alreadyImported", "listed"}) {
            java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(summary);
            found.append(field).append(' ').append(value.find() ? value.group(1) : "?").append(", ");
        }
        if (!summary.startsWith("{\"file\"")) {
            found.append(summary, 0, Math.min(300, summary.length()));
        }
        return found.toString().replaceAll(", $", "");
    }
}
