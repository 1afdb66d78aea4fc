package org.encaisse.bank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.customer.NameWords;
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
    private static final int MAX_TOKENS = 100;
    /** The points of an amount that settles the customer's whole account. */
    private static final int SETTLES_ACCOUNT = 15;
    /** Customers considered per word of the payer's name, and invoices of the same amount per payment. */
    private static final int NAMESAKES_PER_WORD = 20;
    private static final int SAME_AMOUNTS = 10;

    private final InvoiceLedger ledger;
    private final CustomerDirectory customers;

    PaymentMatcher(InvoiceLedger ledger, CustomerDirectory customers) {
        this.ledger = ledger;
        this.customers = customers;
    }

    /**
     * What the rules need to decide a batch of entries, read in a few queries for the whole batch rather than a few
     * per entry: the invoices the remittances name, the customers paying from the payers' IBANs, and what those
     * customers owe. The payers are locked first, as one payment locks its payer, so that nothing read is stale;
     * the invoices are the transaction's own, so that as an entry settles some, the next one sees what is left.
     */
    record Basis(Map<String, Invoice> invoicesByNumber, Map<String, List<Long>> payersByIban,
                 Map<Long, List<Invoice>> payableByCustomer, Map<Long, Customer> payers) {
    }

    Basis basisFor(List<StatementEntry> entries) {
        Set<String> tokens = tokens(entries);
        Map<String, List<Long>> payersByIban = payersByIban(entries);
        List<Long> soleIbanPayers = payersByIban.values().stream().filter(payers -> payers.size() == 1)
                .map(payers -> payers.get(0)).distinct().toList();
        Set<Long> payers = new LinkedHashSet<>(ledger.customerIdsOf(tokens));
        payers.addAll(soleIbanPayers);
        Map<Long, Customer> locked = customers.lockAll(payers);
        return new Basis(ledger.findAll(tokens), payersByIban, ledger.payableOnAccountOf(soleIbanPayers), locked);
    }

    Optional<Match> automatic(StatementEntry entry, Basis basis) {
        Optional<Match> named = byRemittance(entry, basis);
        return named.isPresent() ? named : byIban(entry, basis);
    }

    private Optional<Match> byRemittance(StatementEntry entry, Basis basis) {
        List<Invoice> named = named(entry, basis.invoicesByNumber());
        if (named.isEmpty() || named.stream().map(Invoice::getCustomerId).distinct().count() != 1) {
            return Optional.empty();
        }
        List<Invoice> open = named.stream().filter(invoice -> invoice.getOutstandingAmount().signum() > 0).toList();
        BigDecimal owed = total(open);
        if (open.isEmpty() || entry.amount().compareTo(owed) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Match(MatchRule.REMITTANCE_NAMES_INVOICES, payer(basis, open.get(0).getCustomerId()),
                open, "le libellé cite " + numbers(open) + ", " + FrenchAmount.exact(owed, entry.currency())
                        + " restant dus, payés en totalité / the remittance names " + numbers(open) + ", paid in full"));
    }

    private Optional<Match> byIban(StatementEntry entry, Basis basis) {
        List<Long> payers = entry.debtorIban() == null ? List.of()
                : basis.payersByIban().getOrDefault(entry.debtorIban(), List.of());
        if (payers.size() != 1) {
            return Optional.empty();
        }
        Long payer = payers.get(0);
        List<Invoice> owed = basis.payableByCustomer().getOrDefault(payer, List.of());
        Optional<Invoice> same = owed.stream().filter(invoice -> ledger.isPayableOnAccount(invoice, entry.currency()))
                .filter(invoice -> invoice.getOutstandingAmount().compareTo(entry.amount()) == 0).findFirst();
        if (same.isPresent()) {
            return Optional.of(new Match(MatchRule.IBAN_AND_INVOICE_AMOUNT, payer(basis, payer), List.of(same.get()),
                    "IBAN connu de ce seul client, montant de la facture " + same.get().getNumber()
                            + " / IBAN known for this customer only, the amount of invoice " + same.get().getNumber()));
        }
        // Overdue on the day the bank booked the payment: what the payer saw as owed when it paid.
        List<Invoice> overdue = owed.stream().filter(invoice -> ledger.isOverdueChased(invoice, entry.bookingDate()))
                .filter(invoice -> invoice.getCurrency().equals(entry.currency())).toList();
        if (!overdue.isEmpty() && total(overdue).compareTo(entry.amount()) == 0) {
            return Optional.of(new Match(MatchRule.IBAN_AND_OVERDUE_TOTAL, payer(basis, payer), overdue,
                    "IBAN connu de ce seul client, montant de tout son échu (" + numbers(overdue) + ") / IBAN known "
                            + "for this customer only, the amount of all it owes overdue"));
        }
        return Optional.empty();
    }

    private Customer payer(Basis basis, Long customerId) {
        Customer locked = basis.payers().get(customerId);
        return locked != null ? locked : customers.get(customerId);
    }

    /**
     * For each entry of a batch no rule matched, the customers it most likely comes from, best first, each with the
     * invoices it would pay and why. What the scores need is read for the whole batch, in a few queries: the
     * invoices named, the customers paying from the IBANs, the customers sharing the payers' words, the invoices
     * of the same amounts, and then what the likeliest customers owe.
     */
    List<List<Candidate>> candidates(List<StatementEntry> entries, int limit) {
        Set<String> payerWords = new LinkedHashSet<>();
        entries.forEach(entry -> payerWords.addAll(searchedWords(entry)));
        Map<String, Invoice> invoicesByNumber = ledger.findAll(tokens(entries));
        Map<String, List<Long>> payersByIban = payersByIban(entries);
        Map<String, List<Customer>> customersByWord = customers.namedAny(payerWords, NAMESAKES_PER_WORD);
        Map<BigDecimal, List<Invoice>> payableByAmount = ledger.payableOfAny(entries.stream()
                .map(StatementEntry::amount).toList());

        List<Map<Long, Scoring>> scored = new ArrayList<>();
        Set<Long> likeliest = new LinkedHashSet<>();
        for (StatementEntry entry : entries) {
            Map<Long, Scoring> scores = score(entry, invoicesByNumber, payersByIban, customersByWord, payableByAmount);
            scored.add(scores);
            likeliest.addAll(likeliest(scores, limit).keySet());
        }
        Map<Long, Customer> known = new LinkedHashMap<>();
        customers.all(likeliest).forEach(customer -> known.put(customer.getId(), customer));
        Map<Long, List<Invoice>> owed = ledger.payableOnAccountOf(likeliest);
        List<List<Candidate>> candidates = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            candidates.add(ranked(entries.get(i), likeliest(scored.get(i), limit), known, owed, limit));
        }
        return candidates;
    }

    private Map<Long, Scoring> score(StatementEntry entry, Map<String, Invoice> invoicesByNumber,
                                     Map<String, List<Long>> payersByIban, Map<String, List<Customer>> customersByWord,
                                     Map<BigDecimal, List<Invoice>> payableByAmount) {
        Map<Long, Scoring> scores = new LinkedHashMap<>();
        for (Invoice invoice : named(entry, invoicesByNumber)) {
            Scoring scoring = scores.computeIfAbsent(invoice.getCustomerId(), Scoring::new);
            if (scoring.named.isEmpty()) {
                scoring.add(50, "le libellé cite ses factures / the remittance names its invoices");
            }
            scoring.named.add(invoice);
        }
        if (entry.debtorIban() != null) {
            List<Long> payers = payersByIban.getOrDefault(entry.debtorIban(), List.of());
            for (Long payer : payers) {
                scores.computeIfAbsent(payer, Scoring::new).add(payers.size() == 1 ? 40 : 25, payers.size() == 1
                        ? "paie depuis cet IBAN / pays from this IBAN"
                        : "paie depuis cet IBAN, partagé par " + payers.size() + " clients / pays from this IBAN, shared");
            }
        }
        if (entry.debtorName() != null) {
            Set<String> payerWords = words(entry.debtorName());
            Map<Long, Customer> namesakes = new LinkedHashMap<>();
            searchedWords(entry).forEach(word -> customersByWord.getOrDefault(word, List.of())
                    .forEach(customer -> namesakes.putIfAbsent(customer.getId(), customer)));
            for (Customer customer : namesakes.values()) {
                double likeness = likeness(payerWords, words(customer.getName()));
                if (likeness >= 0.3) {
                    scores.computeIfAbsent(customer.getId(), Scoring::new).add((int) Math.round(30 * likeness),
                            "nom proche de « " + entry.debtorName() + " » / name like the payer's");
                }
            }
        }
        payableByAmount.getOrDefault(entry.amount().stripTrailingZeros(), List.of()).stream()
                .filter(invoice -> invoice.getCurrency().equals(entry.currency())).limit(SAME_AMOUNTS)
                .forEach(invoice -> {
                    Scoring scoring = scores.computeIfAbsent(invoice.getCustomerId(), Scoring::new);
                    if (scoring.sameAmount == null) {
                        scoring.sameAmount = invoice;
                        scoring.add(20, "facture " + invoice.getNumber() + " du même montant / invoice of the same amount");
                    }
                });
        return scores;
    }

    /**
     * The customers that can still be shown once the account-settling bonus is known, by id, best first: that
     * bonus reads what the customers owe, so it is asked only of those it could bring in.
     */
    private static Map<Long, Scoring> likeliest(Map<Long, Scoring> scores, int limit) {
        List<Scoring> byScore = scores.values().stream()
                .sorted(Comparator.comparingInt((Scoring scoring) -> scoring.score).reversed()).toList();
        int lastShown = byScore.size() < limit ? 0 : byScore.get(limit - 1).score;
        Map<Long, Scoring> likeliest = new LinkedHashMap<>();
        byScore.stream().filter(scoring -> scoring.score + SETTLES_ACCOUNT >= lastShown)
                .forEach(scoring -> likeliest.put(scoring.customerId, scoring));
        return likeliest;
    }

    private List<Candidate> ranked(StatementEntry entry, Map<Long, Scoring> likeliest, Map<Long, Customer> known,
                                   Map<Long, List<Invoice>> owed, int limit) {
        List<Candidate> ranked = new ArrayList<>();
        for (Scoring scoring : likeliest.values()) {
            Customer customer = known.get(scoring.customerId);
            if (customer == null) {
                continue;
            }
            List<Invoice> payable = owed.getOrDefault(customer.getId(), List.of()).stream()
                    .filter(invoice -> ledger.isPayableOnAccount(invoice, entry.currency())).toList();
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

    /** The payer's two longest words, those its customers are searched by. */
    private static List<String> searchedWords(StatementEntry entry) {
        return entry.debtorName() == null ? List.of() : words(entry.debtorName()).stream()
                .filter(word -> word.length() >= 4).sorted(Comparator.comparingInt(String::length).reversed())
                .limit(2).toList();
    }

    /** Invoices in the entry's currency whose numbers the payer wrote, in the order written. */
    private static List<Invoice> named(StatementEntry entry, Map<String, Invoice> found) {
        return tokens(entry).stream().map(found::get).filter(invoice -> invoice != null)
                .filter(invoice -> invoice.getCurrency().equals(entry.currency())).distinct().toList();
    }

    private static Set<String> tokens(List<StatementEntry> entries) {
        Set<String> tokens = new LinkedHashSet<>();
        entries.forEach(entry -> tokens.addAll(tokens(entry)));
        return tokens;
    }

    private Map<String, List<Long>> payersByIban(List<StatementEntry> entries) {
        return customers.payingFromAny(entries.stream().map(StatementEntry::debtorIban).filter(iban -> iban != null)
                .distinct().toList());
    }

    /** What in the remittance could be an invoice number: each reference whole, and its words holding a digit. */
    private static Set<String> tokens(StatementEntry entry) {
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
        return tokens;
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
        return NameWords.of(name);
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
