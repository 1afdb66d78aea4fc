package org.encaisse.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.encaisse.support.Api;
import org.springframework.http.ResponseEntity;

/**
 * The statement samples of src/test/resources/bank as one test run imports them: the invoice numbers the payers
 * wrote, the bank's references and Menuiserie Ragot's IBAN get the run's own, so that runs sharing a database
 * never see each other's entries as already imported or each other's IBANs as known. Everything else is the
 * file as the bank wrote it, layout, encoding and record widths included.
 */
final class BankSamples {

    static final String CAMT_08 = "camt053-001-08-lumiere-20261204.xml";
    static final String CAMT_02 = "camt053-001-02-lumiere-20261205.xml";
    static final String CFONB = "cfonb120-lumiere-20261205.txt";
    /** Atelier Lumière's account, the one configured in application-test.yaml. */
    static final String COMPANY_IBAN = "FR7618206000201234567890176";
    static final String RAGOT_IBAN = "FR7616006211110044125687078";

    private static final Pattern REFERENCE = Pattern.compile("<(AcctSvcrRef|NtryRef)>([^<]+)</\\1>");

    private BankSamples() {
    }

    /** A prefix for one test's invoices and references. */
    static String run() {
        return Api.unique("B").replace("-", "");
    }

    static byte[] camt(String name, String run) {
        String xml = new String(raw(name), StandardCharsets.UTF_8).replace("FA2026-", run + "FA2026-")
                .replace(RAGOT_IBAN, ibanOf(run));
        Matcher references = REFERENCE.matcher(xml);
        StringBuilder prefixed = new StringBuilder();
        while (references.find()) {
            references.appendReplacement(prefixed, "<$1>" + run + "$2</$1>");
        }
        references.appendTail(prefixed);
        return prefixed.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] cfonb(String run) {
        String text = new String(raw(CFONB), StandardCharsets.ISO_8859_1);
        String number = String.format("%05d", Math.floorMod(run.hashCode(), 100_000));
        List<String> records = new ArrayList<>();
        for (String record : text.split("\r\n")) {
            String changed = record;
            if (record.startsWith("04")) {
                // The bank's entry number (positions 82-88) keys the movement: five digits of the run, two of the sample.
                changed = record.substring(0, 81) + number + record.substring(86, 88) + record.substring(88);
            }
            if (record.startsWith("05") && record.contains("FA2026-")) {
                changed = record.replace("FA2026-", run + "FA2026-");
                changed = changed.substring(0, Cfonb120File.RECORD);
            }
            records.add(changed);
        }
        return (String.join("\r\n", records) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A French IBAN of the run's own, valid (RIB key and check digits), for Menuiserie Ragot's account. */
    static String ibanOf(String run) {
        String account = String.format("%011d", Math.floorMod((long) run.hashCode() * 7919L, 100_000_000_000L));
        String bank = "16006";
        String branch = "21111";
        BigInteger ribSum = BigInteger.valueOf(89).multiply(new BigInteger(bank))
                .add(BigInteger.valueOf(15).multiply(new BigInteger(branch)))
                .add(BigInteger.valueOf(3).multiply(new BigInteger(account)));
        int ribKey = 97 - ribSum.mod(BigInteger.valueOf(97)).intValue();
        String bban = bank + branch + account + String.format("%02d", ribKey);
        // "FR" is 15 27 in the mod-97 check, followed by 00 for the check digits to find.
        int check = 98 - new BigInteger(bban + "152700").mod(BigInteger.valueOf(97)).intValue();
        return "FR" + String.format("%02d", check) + bban;
    }

    /**
     * What Atelier Lumière's customers owe before the statements of early December arrive. Menuiserie Ragot, whose
     * transfer names nothing, comes only where a test matches it: two runs' namesakes owing the same amount would
     * be equally likely payers.
     */
    static void ledger(Api api, String run, boolean withRagot) {
        customer(api, run, "CLT0101", "Boulangeries Chevalier SARL", Map.of("FA2026-0073", "9532.80"));
        customer(api, run, "CLT0102", "Hôtel des Écluses SAS", Map.of("FA2026-0081", "1200.00", "FA2026-0082", "2400.00"));
        customer(api, run, "CLT0103", "Garage Müller & Fils", Map.of("FA2026-0084", "2520.00"));
        customer(api, run, "CLT0105", "Pharmacie de l'Étoile", Map.of("FA2026-0085", "900.00", "FA2026-0086", "1200.00"));
        customer(api, run, "CLT0106", "Cave Saint-Émilion SARL", Map.of("FA2026-0088", "1980.00"));
        if (withRagot) {
            customer(api, run, "CLT0107", "Menuiserie Ragot", Map.of("FA2026-0087", "2700.00", "FA2026-0089", "1150.00"));
        }
        customer(api, run, "CLT0109", "Imprimerie Duval & Cie", Map.of("FA2026-0091", "480.00"));
        customer(api, run, "CLT0110", "Transports Bréhat", Map.of("FA2026-0090", "4200.00"));
    }

    static void customer(Api api, String run, String code, String name, Map<String, String> invoices) {
        ResponseEntity<JsonNode> created = api.post("/api/customers", """
                {"externalId": "%s", "name": "%s", "contacts": [{"role": "ACCOUNTS_PAYABLE", "name": "Compta",
                 "email": "compta@%s.example.fr"}]}""".formatted(run + code, name, (run + code).toLowerCase()));
        assertThat(created.getStatusCode().is2xxSuccessful()).as(String.valueOf(created.getBody())).isTrue();
        invoices.forEach((number, amount) -> {
            ResponseEntity<JsonNode> invoice = api.post("/api/invoices", """
                    [{"number": "%s", "customerExternalId": "%s", "issueDate": "2026-10-20", "dueDate": "2026-11-19",
                      "amount": %s, "currency": "EUR"}]""".formatted(run + number, run + code, amount));
            assertThat(invoice.getStatusCode().is2xxSuccessful()).as(String.valueOf(invoice.getBody())).isTrue();
        });
    }

    static byte[] raw(String name) {
        try (InputStream in = BankSamples.class.getResourceAsStream("/bank/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
