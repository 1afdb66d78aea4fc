package org.encaisse.accounting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.encaisse.support.BenchmarkApplication;


/**
 * A year's FEC of LINES lines imported over HTTP on MariaDB, against the same customers, invoices and payments
 * posted to today's JSON API (invoices by 1,000, payments one per call, as the API takes them). The file holds
 * what a small trading company's books hold: sales (411 / 706 / 44571, a tenth of the lines make an invoice),
 * four in five invoices paid by transfer and lettered (512 / 411), and purchases with their supplier payments
 * (401 / 607 / 44566 / 512) that the import passes over. Prints the times, the ratio and the heap's peak;
 * asserts nothing. Run by bench/fec-import.sh.
 */
public final class FecImportBenchmark {

    private static final int CUSTOMERS = 5_000;
    private static final DateTimeFormatter FEC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String HEADER = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib"
            + "\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet"
            + "\tValidDate\tMontantdevise\tIdevise\n";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int lines = Integer.parseInt(args[1]);
        boolean json = args.length < 3 || !"no-json".equals(args[2]);
        Path fec = Path.of("target", "bench", "999999999FEC20261231-" + lines + ".txt");
        Book book = write(fec, lines, "F");
        System.out.printf("FEC: %,d lines, %,d invoices (%,d paid), %,d customers, %.1f MB%n", book.lines, book.invoices,
                book.paid, CUSTOMERS, Files.size(fec) / 1e6);
        try (BenchmarkApplication app = BenchmarkApplication.start(url)) {
            BenchmarkApplication.resetHeapPeaks();
            long start = System.nanoTime();
            HttpResponse<String> imported = upload(app, fec);
            double importSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("FEC import (HTTP %d): %.1f s, %,.0f lines/s; heap peak %d MB, live after GC %d MB%n%s%n",
                    imported.statusCode(), importSeconds, lines / importSeconds, BenchmarkApplication.heapPeakMb(),
                    BenchmarkApplication.liveHeapPeakMb(), abbreviate(imported.body()));
            if (json) {
                start = System.nanoTime();
                int failed = throughJson(app, book);
                double jsonSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("JSON API, the same %,d customers, %,d invoices (by 1,000) and %,d payments (one per"
                        + " call): %.1f s (%d calls not 2xx)%n", CUSTOMERS, book.invoices, book.paid, jsonSeconds, failed);
                System.out.printf("ratio: the FEC takes %.2f x the time of the same rows through the JSON API%n",
                        importSeconds / jsonSeconds);
            }
        }
    }

    /** What the generated books hold. */
    private record Book(int lines, int invoices, int paid, LocalDate firstDay, int days) {
    }

    /**
     * Writes the FEC: a tenth of the lines make invoices (3 lines each), four in five paid (2 lines each), the
     * rest purchases and their payments (5 lines each); every entry balances and is dated within the year.
     */
    private static Book write(Path fec, int lines, String prefix) throws IOException {
        Files.createDirectories(fec.getParent());
        int invoices = Math.max(1, lines / 10);
        int paid = invoices * 4 / 5;
        int purchases = Math.max(0, (lines - 3 * invoices - 2 * paid) / 5);
        LocalDate firstDay = LocalDate.of(2026, 1, 2);
        int days = 300;
        int written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(fec, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            for (int i = 1; i <= invoices; i++) {
                LocalDate day = dayOf(i, invoices, firstDay, days);
                long net = net(i);
                long tax = Math.round(net * 0.2);
                String customer = customerOf(prefix, i);
                String invoice = prefix + "A26-" + String.format("%07d", i);
                String number = "VT" + String.format("%08d", i);
                String letter = i <= paid ? letterOf(i) : "";
                String letteredOn = i <= paid ? FEC_DATE.format(paymentDay(day)) : "";
                written += line(out, "VT", "Ventes", number, day, "411000", "Clients", customer, "Client " + customer, invoice,
                        day, "Facture " + invoice, net + tax, 0, letter, letteredOn);
                written += line(out, "VT", "Ventes", number, day, "706000", "Prestations de services", "", "", invoice, day,
                        "Facture " + invoice, 0, net, "", "");
                written += line(out, "VT", "Ventes", number, day, "445710", "TVA collectée", "", "", invoice, day,
                        "Facture " + invoice, 0, tax, "", "");
            }
            for (int i = 1; i <= paid; i++) {
                LocalDate day = paymentDay(dayOf(i, invoices, firstDay, days));
                long due = net(i) + Math.round(net(i) * 0.2);
                String customer = customerOf(prefix, i);
                String number = "BQ" + String.format("%08d", i);
                String reference = "VIR" + String.format("%08d", i);
                written += line(out, "BQ", "Banque", number, day, "512000", "Banque", "", "", reference, day,
                        "Virement " + customer, due, 0, "", "");
                written += line(out, "BQ", "Banque", number, day, "411000", "Clients", customer, "Client " + customer,
                        reference, day, "Virement " + customer, 0, due, letterOf(i), FEC_DATE.format(day));
            }
            for (int i = 1; i <= purchases; i++) {
                LocalDate day = dayOf(i, purchases, firstDay, days);
                long net = net(i + 17);
                long tax = Math.round(net * 0.2);
                String supplier = "FRN" + String.format("%04d", i % 400);
                String number = "AC" + String.format("%08d", i);
                String piece = "FF" + String.format("%08d", i);
                written += line(out, "AC", "Achats", number, day, "401000", "Fournisseurs", supplier, "Fournisseur " + supplier,
                        piece, day, "Facture fournisseur " + piece, 0, net + tax, "", "");
                written += line(out, "AC", "Achats", number, day, "607000", "Achats de marchandises", "", "", piece, day,
                        "Facture fournisseur " + piece, net, 0, "", "");
                written += line(out, "AC", "Achats", number, day, "445660", "TVA déductible", "", "", piece, day,
                        "Facture fournisseur " + piece, tax, 0, "", "");
                String payment = "BF" + String.format("%08d", i);
                written += line(out, "BF", "Banque fournisseurs", payment, day, "401000", "Fournisseurs", supplier,
                        "Fournisseur " + supplier, piece, day, "Règlement " + piece, net + tax, 0, "", "");
                written += line(out, "BF", "Banque fournisseurs", payment, day, "512000", "Banque", "", "", piece, day,
                        "Règlement " + piece, 0, net + tax, "", "");
            }
        }
        return new Book(written, invoices, paid, firstDay, days);
    }

    private static int line(BufferedWriter out, String journal, String journalName, String number, LocalDate day,
                            String account, String accountName, String auxiliary, String auxiliaryName, String piece,
                            LocalDate pieceDay, String label, long debitCents, long creditCents, String letter,
                            String letteredOn) throws IOException {
        String date = FEC_DATE.format(day);
        out.write(String.join("\t", journal, journalName, number, date, account, accountName, auxiliary, auxiliaryName,
                piece, FEC_DATE.format(pieceDay), label, amount(debitCents), amount(creditCents), letter, letteredOn, date,
                "", ""));
        out.write('\n');
        return 1;
    }

    private static String amount(long cents) {
        return (cents / 100) + "," + String.format("%02d", cents % 100);
    }

    /** 100,00 to 9 999,99 before tax, spread. */
    private static long net(int i) {
        return 10_000 + (i * 7_919L) % 990_000;
    }

    private static LocalDate dayOf(int i, int of, LocalDate firstDay, int days) {
        return firstDay.plusDays((long) (i - 1) * days / of);
    }

    /** Paid 30 to 59 days after the invoice, never later than the year's books. */
    private static LocalDate paymentDay(LocalDate invoiced) {
        LocalDate paid = invoiced.plusDays(30 + invoiced.getDayOfYear() % 30);
        LocalDate last = LocalDate.of(2026, 11, 30);
        return paid.isAfter(last) ? last : paid;
    }

    private static String customerOf(String prefix, int invoice) {
        return prefix + "CL" + String.format("%05d", 1 + invoice % CUSTOMERS);
    }

    /** Lettering codes as accounting packages write them: letters, unique within the year. */
    private static String letterOf(int i) {
        StringBuilder code = new StringBuilder();
        int n = i;
        do {
            code.insert(0, (char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return code.toString();
    }

    /** The same rows through today's API, under other numbers: customers and invoices by 1,000, payments one by one. */
    private static int throughJson(BenchmarkApplication app, Book book) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int failed = 0;
        for (int from = 1; from <= CUSTOMERS; from += 1_000) {
            StringBuilder customers = new StringBuilder("[");
            for (int c = from; c < from + 1_000 && c <= CUSTOMERS; c++) {
                String id = "JCL" + String.format("%05d", c);
                customers.append(c == from ? "" : ",").append("{\"externalId\": \"%s\", \"name\": \"Client %s\"}"
                        .formatted(id, id));
            }
            failed += post(http, app, "/api/customers", customers.append(']').toString());
        }
        for (int from = 1; from <= book.invoices; from += 1_000) {
            StringBuilder invoices = new StringBuilder("[");
            for (int i = from; i < from + 1_000 && i <= book.invoices; i++) {
                LocalDate day = dayOf(i, book.invoices, book.firstDay, book.days);
                invoices.append(i == from ? "" : ",").append("""
                        {"number": "JA26-%07d", "customerExternalId": "%s", "issueDate": "%s", "dueDate": "%s",
                         "amount": %s, "currency": "EUR"}""".formatted(i, customerOf("J", i), day, day.plusDays(30),
                        amount(net(i) + Math.round(net(i) * 0.2)).replace(',', '.')));
            }
            failed += post(http, app, "/api/invoices", invoices.append(']').toString());
        }
        for (int i = 1; i <= book.paid; i++) {
            LocalDate day = paymentDay(dayOf(i, book.invoices, book.firstDay, book.days));
            failed += post(http, app, "/api/payments", """
                    {"bankReference": "JVIR%08d", "date": "%s", "amount": %s, "currency": "EUR", "invoiceNumbers": ["JA26-%07d"]}"""
                    .formatted(i, day, amount(net(i) + Math.round(net(i) * 0.2)).replace(',', '.'), i));
        }
        return failed;
    }

    private static int post(HttpClient http, BenchmarkApplication app, String path, String json) throws Exception {
        HttpResponse<String> answer = http.send(app.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() < 300 ? 0 : 1;
    }

    private static HttpResponse<String> upload(BenchmarkApplication app, Path fec) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fec.getFileName() + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = app.request("/api/imports/fec")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(fec), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String body) {
        return body.length() <= 600 ? body : body.substring(0, 600) + "…";
    }
}
