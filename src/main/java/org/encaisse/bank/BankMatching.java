package org.encaisse.bank;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.encaisse.audit.AuditTrail;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.FrenchAmount;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.payment.PaymentRecording;
import org.encaisse.payment.PaymentRequest;
import org.encaisse.payment.PaymentsRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a payment received: applied by the rule that matched it, or left to a collector in
 * "Rapprocher le paiement" and then applied as the collector chose (the payer's IBAN learnt for next time), or
 * set aside as not a customer's payment. Each step runs once per entry, however often a job is retried.
 */
@Service
public class BankMatching {

    static final String RULE_ACTOR = "rule:bank-matching";
    private static final int CANDIDATES = 5;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final BankEntries entries;
    private final PaymentMatcher matcher;
    private final PaymentRecording payments;
    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ProcessEngineConfigurationImpl engine;
    private final RepositoryService repository;

    BankMatching(BankEntries entries, PaymentMatcher matcher, PaymentRecording payments, CustomerDirectory customers,
                 InvoiceLedger ledger, RuntimeService runtime, AuditTrail audit, Clock clock,
                 ApplicationEventPublisher events, ProcessEngine processEngine) {
        this.events = events;
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.repository = processEngine.getRepositoryService();
        this.entries = entries;
        this.matcher = matcher;
        this.payments = payments;
        this.customers = customers;
        this.ledger = ledger;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
    }

    /** What became of one payment received, for the import's summary. */
    record Outcome(BankEntry entry, PaymentMatcher.Match match, PaymentMatcher.Candidate best) {
    }

    /**
     * Records a batch of payments received, in order: those a rule matches are applied, each seeing what the ones
     * before it left owed, and their payers' cases told once at the end; the others are returned unmatched (no
     * match) for {@link #leaveToCollectors}, their entries saved.
     */
    @Transactional
    List<Outcome> receiveAll(List<StatementEntry> received, String fileName) {
        PaymentMatcher.Basis basis = matcher.basisFor(received);
        List<Outcome> outcomes = new ArrayList<>(received.size());
        java.util.Set<String> payers = new java.util.LinkedHashSet<>();
        for (StatementEntry one : received) {
            BankEntry entry = new BankEntry(one, fileName, clock.instant());
            var match = matcher.automatic(one, basis);
            if (match.isPresent()) {
                apply(entry, match.get());
                payers.add(match.get().customer().getExternalId());
            }
            // Saved as it ends: saved first then changed, it would be written twice, an INSERT then an UPDATE.
            outcomes.add(new Outcome(entries.save(entry), match.orElse(null), null));
        }
        events.publishEvent(new PaymentsRecorded(payers));
        return outcomes;
    }

    /**
     * Starts "Rapprocher le paiement" for each entry no rule matched; {@code unmatched} are the outcomes
     * {@link #receiveAll} returned for them, with the customers each most likely comes from for the import's summary.
     * The processes start in one engine command with the entry alone, so that their few rows are written in a few
     * JDBC batches; the customers are proposed to the collector by the process itself, in the background
     * ({@link #proposal}).
     */
    @Transactional
    List<Outcome> leaveToCollectors(List<Outcome> unmatched, List<StatementEntry> received) {
        List<List<PaymentMatcher.Candidate>> scored = matcher.candidates(received, CANDIDATES);
        List<Outcome> outcomes = new ArrayList<>(unmatched.size());
        for (int i = 0; i < unmatched.size(); i++) {
            List<PaymentMatcher.Candidate> candidates = scored.get(i);
            outcomes.add(new Outcome(unmatched.get(i).entry(), null, candidates.isEmpty() ? null : candidates.get(0)));
        }
        // The latest model once for the batch: started by key, each process would look it up in the database.
        String latest = repository.createProcessDefinitionQuery().processDefinitionKey(BankMatchingVariables.PROCESS)
                .latestVersion().singleResult().getId();
        engine.getCommandExecutorTxRequired().execute(context -> {
            for (Outcome outcome : outcomes) {
                runtime.startProcessInstanceById(latest, outcome.entry().getBankReference(),
                        Map.of(BankMatchingVariables.BANK_ENTRY_ID, outcome.entry().getId()));
            }
            return null;
        });
        return outcomes;
    }

    /**
     * What "Rapprocher le paiement" shows of an entry and the answer it proposes: the payment, its headline, the
     * likely customers scored with why, the best one's code and invoices.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> proposal(long entryId) {
        BankEntry entry = entry(entryId);
        return variables(entry, matcher.candidates(List.of(entry.asReceived()), CANDIDATES).get(0));
    }

    private void apply(BankEntry entry, PaymentMatcher.Match match) {
        List<String> numbers = match.invoices().stream().map(Invoice::getNumber).toList();
        payments.recordMatched(entry.getBankReference(), entry.getBookingDate(), entry.getAmount(), entry.getCurrency(),
                match.customer(), match.invoices(), match.invoices(), RULE_ACTOR);
        entry.applied(match.rule().name(), match.customer().getId(), clock.instant());
        audit.append(RULE_ACTOR + ":" + match.rule().name(), "BANK_ENTRY_MATCHED", match.customer().getId(),
                "payment " + entry.getBankReference(), numbers, FrenchAmount.exact(entry.getAmount(), entry.getCurrency())
                        + " of " + entry.getBookingDate() + " from " + orUnknown(entry.getDebtorName()) + ": " + match.why());
    }

    private static PaymentRequest request(BankEntry entry, String customerExternalId, List<String> invoiceNumbers) {
        return new PaymentRequest(entry.getBankReference(), entry.getBookingDate().toString(),
                entry.getAmount().toPlainString(), entry.getCurrency(), invoiceNumbers, customerExternalId);
    }

    private Map<String, Object> variables(BankEntry entry, List<PaymentMatcher.Candidate> candidates) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(BankMatchingVariables.HEADLINE, FrenchAmount.exact(entry.getAmount(), entry.getCurrency()) + " — "
                + orUnknown(entry.getDebtorName()) + ", " + FRENCH_DATE.format(entry.getBookingDate()));
        variables.put(BankMatchingVariables.ENTRY_SUMMARY, summary(entry));
        variables.put(BankMatchingVariables.CANDIDATES_SUMMARY, candidatesText(candidates));
        PaymentMatcher.Candidate best = candidates.isEmpty() ? null : candidates.get(0);
        variables.put(BankMatchingVariables.CUSTOMER, best == null ? null : best.customer().getExternalId());
        variables.put(BankMatchingVariables.INVOICES, best == null ? null
                : String.join(", ", best.invoices().stream().map(Invoice::getNumber).toList()));
        return variables;
    }

    private static String summary(BankEntry entry) {
        return FrenchAmount.exact(entry.getAmount(), entry.getCurrency()) + " reçus le "
                + FRENCH_DATE.format(entry.getBookingDate()) + " / received on " + entry.getBookingDate() + "\n"
                + "Payeur / payer : " + orUnknown(entry.getDebtorName())
                + (entry.getDebtorIban() == null ? "" : " (IBAN " + entry.getDebtorIban() + ")") + "\n"
                + "Libellé / remittance : " + (entry.getRemittance() == null || entry.getRemittance().isBlank()
                ? "aucun / none" : entry.getRemittance()) + "\n"
                + "Référence banque / bank reference : " + entry.getBankReference();
    }

    private static String candidatesText(List<PaymentMatcher.Candidate> candidates) {
        if (candidates.isEmpty()) {
            return "Aucun client probable : ni facture citée, ni IBAN connu, ni nom ou montant proche. / No likely "
                    + "customer: no invoice named, no known IBAN, no name or amount alike.";
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            PaymentMatcher.Candidate candidate = candidates.get(i);
            String invoices = candidate.invoices().isEmpty() ? "" : " → " + String.join(", ",
                    candidate.invoices().stream().map(Invoice::getNumber).toList());
            lines.add((i + 1) + ". " + candidate.customer().getName() + " (" + candidate.customer().getExternalId()
                    + ") " + candidate.score() + "/100 : " + String.join(" ; ", candidate.why()) + invoices);
        }
        return String.join("\n", lines);
    }

    private static String orUnknown(String name) {
        return name == null || name.isBlank() ? "payeur inconnu / unknown payer" : name;
    }

    /**
     * Why the collector's answer cannot be applied, or null when it can: the customer must exist, and the
     * invoices named be that customer's, in the payment's currency.
     */
    @Transactional(readOnly = true)
    public String refusal(long entryId, String customerExternalId, String invoiceNumbers) {
        BankEntry entry = entry(entryId);
        if (customerExternalId == null || customerExternalId.isBlank()) {
            return "Indiquez le code du client qui a payé. / Give the code of the customer who paid.";
        }
        Customer customer = customers.find(customerExternalId.strip()).orElse(null);
        if (customer == null) {
            return "Aucun client de code « " + customerExternalId.strip() + " ». / No customer with this code.";
        }
        Map<String, Invoice> found = ledger.findAll(numbers(invoiceNumbers));
        for (String number : numbers(invoiceNumbers)) {
            Invoice invoice = found.get(number);
            if (invoice == null) {
                return "La facture « " + number + " » n'existe pas. / Invoice " + number + " does not exist.";
            }
            if (!invoice.getCustomerId().equals(customer.getId())) {
                return "La facture " + number + " n'est pas de " + customer.getName() + ". / Invoice " + number
                        + " is another customer's.";
            }
            if (!invoice.getCurrency().equals(entry.getCurrency())) {
                return "La facture " + number + " est en " + invoice.getCurrency() + ", le paiement en "
                        + entry.getCurrency() + ". / Invoice and payment currencies differ.";
            }
        }
        return null;
    }

    /** The collector's match: the payment recorded for that customer and invoices, and the payer's IBAN learnt. */
    @Transactional
    public void matchByHand(long entryId, String customerExternalId, String invoiceNumbers, String collector) {
        BankEntry entry = entry(entryId);
        if (entry.getStatus() != BankEntry.Status.TO_MATCH) {
            return;
        }
        Customer customer = customers.get(customerExternalId.strip());
        List<String> numbers = numbers(invoiceNumbers);
        payments.record(request(entry, customer.getExternalId(), numbers), collector);
        boolean learnt = entry.getDebtorIban() != null && customers.learnIban(customer.getId(), entry.getDebtorIban(),
                "bank entry " + entry.getBankReference() + " matched by " + collector);
        entry.matchedByHand(collector, customer.getId(), clock.instant());
        audit.append(collector, "BANK_ENTRY_MATCHED", customer.getId(), "payment " + entry.getBankReference(), numbers,
                FrenchAmount.exact(entry.getAmount(), entry.getCurrency()) + " of " + entry.getBookingDate() + " from "
                        + orUnknown(entry.getDebtorName()) + ": matched by hand"
                        + (learnt ? "; IBAN " + entry.getDebtorIban() + " learnt for the customer" : ""));
    }

    /** Not a customer's payment: kept as it came, recorded nowhere else. */
    @Transactional
    public void setAside(long entryId, String collector, String comment) {
        BankEntry entry = entry(entryId);
        if (entry.getStatus() != BankEntry.Status.TO_MATCH) {
            return;
        }
        entry.setAside(collector, clock.instant());
        audit.append(collector, "BANK_ENTRY_SET_ASIDE", null, "bank entry " + entry.getBankReference(), List.of(),
                FrenchAmount.exact(entry.getAmount(), entry.getCurrency()) + " from " + orUnknown(entry.getDebtorName())
                        + " is not a customer's payment" + (comment == null || comment.isBlank() ? "" : ": " + comment));
    }

    private BankEntry entry(long id) {
        return entries.findById(id).orElseThrow(() -> new NotFoundException("No bank entry " + id + "."));
    }

    static List<String> numbers(String invoiceNumbers) {
        if (invoiceNumbers == null || invoiceNumbers.isBlank()) {
            return List.of();
        }
        return Arrays.stream(invoiceNumbers.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }
}
