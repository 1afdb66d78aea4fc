package org.encaisse.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.encaisse.customer.CustomerRecord;
import org.encaisse.customer.CustomerRecord.ContactRecord;
import org.encaisse.insurance.CoverRecord;
import org.encaisse.invoice.InvoiceRecord;
import org.encaisse.payment.PaymentRequest;

/**
 * A plausible receivables ledger: 30 French and foreign companies, 300 invoices spread evenly over
 * the aging bands as of {@code today}, some partly or fully paid. The same seed gives the same ledger.
 */
final class DemoLedger {

    static final int CUSTOMERS = 30;
    static final int INVOICES_PER_CUSTOMER = 10;

    /** Days past due: not due yet, 1-30, 31-60, 61-90, 91-120, over 120. */
    private static final int[][] BANDS = {{-45, -1}, {1, 30}, {31, 60}, {61, 90}, {91, 120}, {121, 400}};
    private static final String[] FAMILIES = {"Martin", "Bernard", "Lefèvre", "Moreau", "Girard", "Fontaine",
            "Rousseau", "Chevalier", "Blanc", "Garnier", "Faure", "Mercier", "Dupont", "Lambert", "Bonnet"};
    private static final String[] TRADES = {"Transports", "Boulangeries", "Menuiserie", "Imprimerie", "Bâtiment",
            "Électricité", "Distribution", "Laboratoires", "Ateliers", "Matériaux"};
    private static final String[] FORMS = {"SAS", "SARL", "SA", "EURL"};
    private static final String[] SEGMENTS = {"Grand compte", "PME", "PME", "TPE"};
    private static final String[] RISKS = {"LOW", "MEDIUM", "MEDIUM", "HIGH"};
    private static final String[] SALES_REPS = {"paul", "sophie"};
    private static final String[][] STREETS = {{"rue de la République", "rue de la Loi"},
            {"avenue Jean Jaurès", "avenue Louise"}, {"boulevard Victor Hugo", "boulevard Anspach"},
            {"place du Marché", "place du Grand Sablon"}};
    private static final String[] CITIES = {"69002 Lyon", "33000 Bordeaux", "44000 Nantes", "59000 Lille",
            "31000 Toulouse", "67000 Strasbourg", "13001 Marseille"};
    private static final int[] TERMS = {30, 45, 60};
    /** One invoice, 1 to 30 days late, on terms beyond the legal cap (L441-10), for the dashboard's list. */
    private static final int BEYOND_LEGAL_TERMS = 13;
    private static final int BEYOND_LEGAL_TERMS_DAYS = 90;
    /** One unpaid invoice whose claim expires in four months (L110-4), for the limitation list. */
    private static final int NEAR_LIMITATION = 29;
    /**
     * One unpaid invoice of an insured customer (C0004, Atradius: declare within 60 days of the due date) due 55 days
     * ago, so that the managers' declaration task is there, its deadline five days away.
     */
    private static final int INSURED_NEAR_DEADLINE = 38;
    private static final int INSURED_NEAR_DEADLINE_DAYS_LATE = 55;

    private final Random random = new Random(20261122L);
    private final LocalDate today;
    private final List<CustomerRecord> customers = new ArrayList<>();
    private final List<InvoiceRecord> invoices = new ArrayList<>();
    private final List<PaymentRequest> payments = new ArrayList<>();
    private final List<CoverRecord> covers = new ArrayList<>();

    DemoLedger(LocalDate today) {
        this.today = today;
        for (int c = 1; c <= CUSTOMERS; c++) {
            addCustomer(c);
        }
        // Limits granted after the oldest invoices were issued: those are not insured, and not declared.
        covers.add(new CoverRecord("C0004", "Atradius", "ATR-2026-55012", "60000", "EUR", today.minusDays(90).toString(),
                "GRANTED"));
        covers.add(new CoverRecord("C0011", "Coface", "CF-7781", "25000", "EUR", today.minusDays(60).toString(),
                "REDUCED"));
        covers.add(new CoverRecord("C0017", "Allianz Trade", "AT-900431", "0", "EUR", today.minusDays(20).toString(),
                "WITHDRAWN"));
    }

    List<CoverRecord> covers() {
        return covers;
    }

    List<CustomerRecord> customers() {
        return customers;
    }

    List<InvoiceRecord> invoices() {
        return invoices;
    }

    List<PaymentRequest> payments() {
        return payments;
    }

    private void addCustomer(int index) {
        String externalId = "C%04d".formatted(index);
        String family = FAMILIES[(index * 7) % FAMILIES.length];
        String trade = TRADES[index % TRADES.length];
        String name = trade + " " + family + " " + FORMS[index % FORMS.length];
        boolean foreign = index % 10 == 0;
        String domain = slug(trade + "-" + family) + (foreign ? ".example.com" : ".example.fr");
        List<ContactRecord> contacts = new ArrayList<>();
        contacts.add(new ContactRecord("ACCOUNTS_PAYABLE", "Service comptabilité fournisseurs", "compta@" + domain, phone()));
        if (index % 4 != 0) {
            contacts.add(new ContactRecord("PURCHASER", firstName() + " " + family, "achats@" + domain, phone()));
        }
        if (index % 3 == 0) {
            contacts.add(new ContactRecord("DIRECTOR", firstName() + " " + family, "direction@" + domain, null));
        }
        String segment = SEGMENTS[index % SEGMENTS.length];
        String creditLimit = segment.equals("Grand compte") ? "150000" : segment.equals("PME") ? "40000" : "10000";
        customers.add(new CustomerRecord(externalId, name, foreign ? "BE0" + digits(9) : siren(), segment,
                RISKS[(index * 3) % RISKS.length], creditLimit, SALES_REPS[index % SALES_REPS.length],
                foreign ? "en" : "fr", address(index, foreign), index % 7 == 0 ? "12" : null, contacts));
        for (int i = 0; i < INVOICES_PER_CUSTOMER; i++) {
            addInvoice(externalId, index, i);
        }
    }

    private static String address(int index, boolean foreign) {
        String[] street = STREETS[index % STREETS.length];
        return foreign
                ? (index * 3 % 180 + 1) + " " + street[1] + "\n1000 Bruxelles\nBelgique"
                : (index * 3 % 180 + 1) + " " + street[0] + "\n" + CITIES[index % CITIES.length];
    }

    private void addInvoice(String customer, int customerIndex, int i) {
        int sequence = (customerIndex - 1) * INVOICES_PER_CUSTOMER + i;
        int[] band = BANDS[sequence % BANDS.length];
        LocalDate due = today.plusDays(-(band[0] + random.nextInt(band[1] - band[0] + 1)));
        if (sequence == NEAR_LIMITATION) {
            due = today.minusYears(5).plusMonths(4);
        }
        int terms = TERMS[random.nextInt(TERMS.length)];
        if (sequence == INSURED_NEAR_DEADLINE) {
            due = today.minusDays(INSURED_NEAR_DEADLINE_DAYS_LATE);
            terms = 30;
        }
        LocalDate issued = due.minusDays(sequence == BEYOND_LEGAL_TERMS ? BEYOND_LEGAL_TERMS_DAYS : terms);
        BigDecimal amount = BigDecimal.valueOf(150_00 + random.nextInt(25_000_00), 2);
        String number = "FA-%d-%05d".formatted(issued.getYear(), sequence + 1);
        invoices.add(new InvoiceRecord(number, customer, issued.toString(), due.toString(), amount.toPlainString(), "EUR"));
        addPaymentFor(number, customer, amount, due, sequence);
    }

    /** About one invoice in five partly paid, one in ten paid in full, paid some days after it was due. */
    private void addPaymentFor(String number, String customer, BigDecimal amount, LocalDate due, int sequence) {
        int kind = sequence % 10;
        if (kind > 2) {
            return;
        }
        LocalDate paidOn = due.plusDays(random.nextInt(10));
        if (paidOn.isAfter(today)) {
            paidOn = today;
        }
        BigDecimal paid = kind == 0 ? amount
                : amount.multiply(BigDecimal.valueOf(20 + random.nextInt(60), 2)).setScale(2, RoundingMode.HALF_UP);
        payments.add(new PaymentRequest("VIR-" + paidOn.toString().replace("-", "") + "-" + (sequence + 1),
                paidOn.toString(), paid.toPlainString(), "EUR", List.of(number), customer));
    }

    private String siren() {
        String body = digits(8);
        try {
            return body + LuhnCheckDigit.LUHN_CHECK_DIGIT.calculate(body);
        } catch (CheckDigitException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
        while (digits.length() < count) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private String phone() {
        return "+33 %d %02d %02d %02d %02d".formatted(1 + random.nextInt(5), random.nextInt(100), random.nextInt(100),
                random.nextInt(100), random.nextInt(100));
    }

    private String firstName() {
        String[] names = {"Anne", "Luc", "Nathalie", "Olivier", "Isabelle", "Thomas", "Camille", "Nicolas"};
        return names[random.nextInt(names.length)];
    }

    private static String slug(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
