package org.encaisse.bank;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.FrenchAmount;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Component;

/**
 * Decides who paid what, the way a collector reads a statement line, and says why. A payment is applied on its
 * own only when there is no doubt: the remittance names invoices of one customer and pays them in full, or the
 * payer's IBAN is known for exactly one customer and the amount is one of its open invoices or all that it
 * owes overdue. Everything else is left to a collector with the customers it most likely comes from, scored.
 */
@Component
class PaymentMatcher {

    /** The rule that applied a payment on its own, kept with the payment and in the audit trail. */
    enum MatchRule {
        REMITTANCE_NAMES_INVOICES, IBAN_AND_INVOICE_AMOUNT, IBAN_AND_OVERDUE_TOTAL
    }

    record Match(MatchRule rule, Customer customer, List<Invoice> invoices, String why) {
    }

    record Candidate(Customer customer, int score, List<Invoice> invoices, List<String> why) {
    }

    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s,;:()\\[\\]<>\"']+");
    private static final Pattern INVOICE_WORD = Pattern.compile("^(?i)(n°|nº|no\\.|fact(ure)?s?\\.?|fac\\.|inv(oice)?\\.?)");
    private static final Set<String> LEGAL_FORMS = Set.of("sarl", "sas", "sasu", "sa", "eurl", "sci", "snc", "scp",
            "selarl", "earl", "gaec", "et", "cie", "fils", "de", "des", "du", "la", "le", "les", "l", "d", "inc",
            "ltd", "gmbh", "mr", "mme", "m", "ste", "societe", "ets", "etablissements", "vir", "virement", "sepa");
    private static final int MAX_TOKENS = 100;
    /** The points of an amount that settles the customer's whole account. */
    private static final int SETTLES_ACCOUNT = 15;

    private final InvoiceLedger ledger;
    private final CustomerDirectory customers;

    PaymentMatcher(InvoiceLedger ledger, CustomerDirectory customers) {
        this.ledger = ledger;
        this.customers = customers;
    }

    Optional<Match> automatic(StatementEntry entry) {
        Optional<Match> named = byRemittance(entry);
        return named.isPresent() ? named : byIban(entry);
    }

    private Optional<Match> byRemittance(StatementEntry entry) {
        List<Invoice> named = namedInvoices(entry);
        if (named.isEmpty() || named.stream().map(Invoice::getCustomerId).distinct().count() != 1) {
            return Optional.empty();
        }
        List<Invoice> open = named.stream().filter(invoice -> invoice.getOutstandingAmount().signum() > 0).toList();
        BigDecimal owed = total(open);
        if (open.isEmpty() || entry.amount().compareTo(owed) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Match(MatchRule.REMITTANCE_NAMES_INVOICES, customers.get(open.get(0).getCustomerId()),
                open, "le libellé cite " + numbers(open) + ", " + FrenchAmount.exact(owed, entry.currency())
                        + " restant dus, payés en totalité / the remittance names " + numbers(open) + ", paid in full"));
    }

    private Optional<Match> byIban(StatementEntry entry) {
        if (entry.debtorIban() == null) {
            return Optional.empty();
        }
        List<Long> payers = customers.payingFrom(entry.debtorIban());
        if (payers.size() != 1) {
            return Optional.empty();
        }
        Long payer = payers.get(0);
        Optional<Invoice> same = ledger.payableOnAccount(payer, entry.currency()).stream()
                .filter(invoice -> invoice.getOutstandingAmount().compareTo(entry.amount()) == 0).findFirst();
        if (same.isPresent()) {
            return Optional.of(new Match(MatchRule.IBAN_AND_INVOICE_AMOUNT, customers.get(payer), List.of(same.get()),
                    "IBAN connu de ce seul client, montant de la facture " + same.get().getNumber()
                            + " / IBAN known for this customer only, the amount of invoice " + same.get().getNumber()));
        }
        // Overdue on the day the bank booked the payment: what the payer saw as owed when it paid.
        List<Invoice> overdue = ledger.overdue(payer, entry.bookingDate()).stream()
                .filter(invoice -> invoice.getCurrency().equals(entry.currency())).toList();
        if (!overdue.isEmpty() && total(overdue).compareTo(entry.amount()) == 0) {
            return Optional.of(new Match(MatchRule.IBAN_AND_OVERDUE_TOTAL, customers.get(payer), overdue,
                    "IBAN connu de ce seul client, montant de tout son échu (" + numbers(overdue) + ") / IBAN known "
                            + "for this customer only, the amount of all it owes overdue"));
        }
        return Optional.empty();
    }

    /** The customers a payment most likely comes from, best first, each with the invoices it would pay and why. */
    List<Candidate> candidates(StatementEntry entry, int limit) {
        Map<Long, Scoring> scores = new LinkedHashMap<>();
        List<Invoice> named = namedInvoices(entry);
        for (Invoice invoice : named) {
            Scoring scoring = scores.computeIfAbsent(invoice.getCustomerId(), Scoring::new);
            if (scoring.named.isEmpty()) {
                scoring.add(50, "le libellé cite ses factures / the remittance names its invoices");
            }
            scoring.named.add(invoice);
        }
        if (entry.debtorIban() != null) {
            List<Long> payers = customers.payingFrom(entry.debtorIban());
            for (Long payer : payers) {
                scores.computeIfAbsent(payer, Scoring::new).add(payers.size() == 1 ? 40 : 25, payers.size() == 1
                        ? "paie depuis cet IBAN / pays from this IBAN"
                        : "paie depuis cet IBAN, partagé par " + payers.size() + " clients / pays from this IBAN, shared");
            }
        }
        if (entry.debtorName() != null) {
            Set<String> payerWords = words(entry.debtorName());
            for (Customer customer : namesakes(payerWords)) {
                double likeness = likeness(payerWords, words(customer.getName()));
                if (likeness >= 0.3) {
                    scores.computeIfAbsent(customer.getId(), Scoring::new).add((int) Math.round(30 * likeness),
                            "nom proche de « " + entry.debtorName() + " » / name like the payer's");
                }
            }
        }
        for (Invoice invoice : ledger.payableOf(entry.amount(), entry.currency(), 10)) {
            Scoring scoring = scores.computeIfAbsent(invoice.getCustomerId(), Scoring::new);
            if (scoring.sameAmount == null) {
                scoring.sameAmount = invoice;
                scoring.add(20, "facture " + invoice.getNumber() + " du même montant / invoice of the same amount");
            }
        }
        // The account-settling bonus costs a query per customer: asked only of those it could still bring in.
        List<Scoring> byScore = scores.values().stream()
                .sorted(Comparator.comparingInt((Scoring scoring) -> scoring.score).reversed()).toList();
        int lastShown = byScore.size() < limit ? 0 : byScore.get(limit - 1).score;
        List<Scoring> likeliest = byScore.stream().filter(scoring -> scoring.score + SETTLES_ACCOUNT >= lastShown)
                .toList();
        List<Candidate> ranked = new ArrayList<>();
        Map<Long, Customer> known = new LinkedHashMap<>();
        customers.all(likeliest.stream().map(scoring -> scoring.customerId).toList())
                .forEach(customer -> known.put(customer.getId(), customer));
        for (Scoring scoring : likeliest) {
            Customer customer = known.get(scoring.customerId);
            if (customer == null) {
                continue;
            }
            List<Invoice> payable = ledger.payableOnAccount(customer.getId(), entry.currency());
            if (!payable.isEmpty() && total(payable).compareTo(entry.amount()) == 0) {
                scoring.add(SETTLES_ACCOUNT, "le montant solde son compte / the amount settles its account");
            }
            List<Invoice> open = scoring.named.stream().filter(invoice -> invoice.getOutstandingAmount().signum() > 0)
                    .toList();
            List<Invoice> proposed = !open.isEmpty() ? open
                    : scoring.sameAmount != null ? List.of(scoring.sameAmount) : List.of();
            ranked.add(new Candidate(customer, Math.min(100, scoring.score), proposed, List.copyOf(scoring.why)));
        }
        ranked.sort(Comparator.comparingInt(Candidate::score).reversed()
                .thenComparing(candidate -> candidate.customer().getName()));
        return ranked.size() <= limit ? ranked : ranked.subList(0, limit);
    }

    /** Invoices in the entry's currency whose numbers the payer wrote, in the order written. */
    List<Invoice> namedInvoices(StatementEntry entry) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String reference : entry.references()) {
            tokens.add(reference.strip());
            for (String token : TOKEN_SEPARATORS.split(reference)) {
                String cleaned = INVOICE_WORD.matcher(token).replaceFirst("").replaceAll("[./-]+$", "");
                if (cleaned.length() >= 3 && cleaned.chars().anyMatch(Character::isDigit) && tokens.size() < MAX_TOKENS) {
                    tokens.add(cleaned);
                }
            }
        }
        if (tokens.isEmpty()) {
            return List.of();
        }
        Map<String, Invoice> found = ledger.findAll(tokens);
        return tokens.stream().map(found::get).filter(invoice -> invoice != null)
                .filter(invoice -> invoice.getCurrency().equals(entry.currency())).distinct().toList();
    }

    private List<Customer> namesakes(Set<String> payerWords) {
        Map<Long, Customer> found = new LinkedHashMap<>();
        payerWords.stream().filter(word -> word.length() >= 4).sorted(Comparator.comparingInt(String::length).reversed())
                .limit(2).forEach(word -> customers.named(word, 20).forEach(c -> found.putIfAbsent(c.getId(), c)));
        return List.copyOf(found.values());
    }

    /** Shared words over all words, legal forms and small words left out: 1 for the same name. */
    static double likeness(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new LinkedHashSet<>(a);
        common.retainAll(b);
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return (double) common.size() / all.size();
    }

    static Set<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "OE").toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : plain.split("[^a-z0-9]+")) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static BigDecimal total(List<Invoice> invoices) {
        return invoices.stream().map(Invoice::getOutstandingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String numbers(List<Invoice> invoices) {
        return String.join(", ", invoices.stream().map(Invoice::getNumber).toList());
    }

    private static final class Scoring {
        final Long customerId;
        final List<Invoice> named = new ArrayList<>();
        final List<String> why = new ArrayList<>();
        Invoice sameAmount;
        int score;

        Scoring(Long customerId) {
            this.customerId = customerId;
        }

        void add(int points, String reason) {
            score += points;
            why.add(reason);
        }
    }
}
