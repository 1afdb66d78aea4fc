package org.encaisse.insurance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.encaisse.audit.Actors;
import org.encaisse.audit.AuditTrail;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.CsvColumns;
import org.encaisse.input.CsvFile;
import org.encaisse.input.CsvImportKind;
import org.encaisse.input.FieldReader;
import org.encaisse.input.ImportHistory;
import org.encaisse.input.ImportSummary;
import org.encaisse.input.InputErrors;
import org.encaisse.input.Labelled;
import org.encaisse.input.Positioned;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The limits credit insurers granted on customers: set by API or CSV, each change in the audit trail, and read
 * against what the customer owes. A cover is refused whole, with every reason, when its insurer and policy have no
 * declaration deadline in CreditInsurancePolicyDecision: a cover Encaisse cannot watch would be a false comfort.
 */
@Service
public class InsuranceCoverBook implements CsvImportKind {

    private static final List<String> COLUMNS = List.of("customerExternalId", "insurer", "policyNumber", "grantedLimit",
            "currency", "grantedOn", "state");

    private final InsuranceCovers covers;
    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final PolicyRules policies;
    private final AuditTrail audit;
    private final Actors actors;
    private final ImportHistory history;
    private final Clock clock;

    InsuranceCoverBook(InsuranceCovers covers, CustomerDirectory customers, InvoiceLedger ledger, PolicyRules policies,
                       AuditTrail audit, Actors actors, ImportHistory history, Clock clock) {
        this.covers = covers;
        this.customers = customers;
        this.ledger = ledger;
        this.policies = policies;
        this.audit = audit;
        this.actors = actors;
        this.history = history;
        this.clock = clock;
    }

    /** A customer's cover read against its exposure: what it owes now, and what the insurer would not cover. */
    public record CoverView(String customerExternalId, String insurer, String policyNumber, BigDecimal grantedLimit,
                            String currency, LocalDate grantedOn, InsuranceCover.State state, BigDecimal exposure,
                            BigDecimal headroom, BigDecimal uninsured, String updatedBy, Instant updatedAt) {
    }

    @Override
    public String kind() {
        return "insurance-covers";
    }

    @Override
    public CsvColumns columns() {
        return new CsvColumns(COLUMNS, Map.of(
                "customerExternalId", List.of("Code client", "Compte auxiliaire", "N° client", "Acheteur", "Buyer"),
                "insurer", List.of("Assureur", "Insurer"),
                "policyNumber", List.of("N° de police", "Numéro de police", "Police", "Policy"),
                "grantedLimit", List.of("Limite de crédit", "Montant agréé", "Agrément", "Limite accordée",
                        "Credit limit"),
                "currency", List.of("Devise"),
                "grantedOn", List.of("Date de décision", "Date d'agrément", "Date", "Decision date"),
                "state", List.of("État", "Statut", "Décision", "Status")),
                List.of("customerExternalId", "insurer", "policyNumber", "grantedLimit", "grantedOn"), Map.of());
    }

    @Transactional
    public ImportSummary importRecords(List<Positioned<CoverRecord>> records, String what) {
        InputErrors errors = new InputErrors();
        Map<String, Customer> known = customers.findAll(records.stream()
                .map(r -> r.record().customerExternalId()).filter(id -> id != null && !id.isBlank()).map(String::strip)
                .distinct().toList());
        Set<String> insurers = policies.insurers();
        Map<Customer, ValidCover> valid = new LinkedHashMap<>();
        for (Positioned<CoverRecord> positioned : records) {
            ValidCover cover = validate(positioned, known, insurers, errors);
            if (cover != null) {
                valid.put(cover.customer(), cover);
            }
        }
        errors.throwIfAny(what);
        return store(valid.values());
    }

    @Transactional
    public ImportSummary importCsv(String fileName, byte[] content, CsvColumns columns, boolean dryRun) {
        CsvFile file = CsvFile.read(fileName, content, columns);
        List<Positioned<CoverRecord>> records = new ArrayList<>();
        for (CsvFile.Row row : file.rows()) {
            records.add(new Positioned<>(row.position(), new CoverRecord(row.get("customerExternalId"),
                    row.get("insurer"), row.get("policyNumber"), row.get("grantedLimit"), row.get("currency"),
                    row.get("grantedOn"), row.get("state"))));
        }
        ImportSummary summary = importRecords(records, fileName).withIgnoredColumns(file.ignoredColumns());
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } else {
            history.record("insurance-covers-csv", fileName, ImportHistory.sha256(content),
                    actors.current("CSV import"), summary);
        }
        return summary;
    }

    @Transactional(readOnly = true)
    public Optional<CoverView> of(String customerExternalId) {
        Customer customer = customers.get(customerExternalId);
        return covers.findByCustomerId(customer.getId()).map(cover -> view(customer, cover));
    }

    /** The cover Encaisse watches for this customer: one that still covers new debt. */
    @Transactional(readOnly = true)
    public Optional<InsuranceCover> covering(Long customerId) {
        return covers.findByCustomerId(customerId).filter(InsuranceCover::covers);
    }

    /**
     * The insurer that collects this customer's unpaid debts itself, when its cover stands and its policy says so
     * (as Atradius Collections or Allianz Trade's collection service do): the agency handoff goes to it.
     */
    @Transactional(readOnly = true)
    public Optional<String> collectingInsurer(Long customerId) {
        return covering(customerId).filter(cover -> policies.of(cover.getInsurer(), cover.getPolicyNumber())
                .map(PolicyRules.Rules::insurerCollects).orElse(false)).map(InsuranceCover::getInsurer);
    }

    @Transactional(readOnly = true)
    public List<InsuranceCover> allCovering() {
        return covers.findCovering();
    }

    private CoverView view(Customer customer, InsuranceCover cover) {
        BigDecimal exposure = ledger.ofCustomer(customer.getId()).stream()
                .filter(invoice -> cover.getCurrency().equals(invoice.getCurrency()))
                .map(Invoice::getOutstandingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal limit = cover.covers() ? cover.getGrantedLimit() : BigDecimal.ZERO;
        return new CoverView(customer.getExternalId(), cover.getInsurer(), cover.getPolicyNumber(),
                cover.getGrantedLimit(), cover.getCurrency(), cover.getGrantedOn(), cover.getState(), exposure,
                limit.subtract(exposure).max(BigDecimal.ZERO), exposure.subtract(limit).max(BigDecimal.ZERO),
                cover.getUpdatedBy(), cover.getUpdatedAt());
    }

    private record ValidCover(Customer customer, String insurer, String policyNumber, BigDecimal limit,
                              Currency currency, LocalDate grantedOn, InsuranceCover.State state) {
    }

    private ValidCover validate(Positioned<CoverRecord> positioned, Map<String, Customer> known, Set<String> insurers,
                                InputErrors errors) {
        CoverRecord record = positioned.record();
        FieldReader read = new FieldReader(errors, positioned.position());
        String externalId = read.text("customerExternalId", record.customerExternalId(), true, 50);
        Customer customer = externalId == null ? null : known.get(externalId);
        if (externalId != null && customer == null) {
            read.reject("customerExternalId", "is not a known customer", externalId);
        }
        String insurer = spelledAsTheTable(read.text("insurer", record.insurer(), true, 100), insurers);
        String policyNumber = read.text("policyNumber", record.policyNumber(), true, 50);
        Currency currency = read.currency("currency", record.currency());
        BigDecimal limit = currency == null ? null : read.nonNegativeAmount("grantedLimit", record.grantedLimit(), currency);
        if (limit == null && (record.grantedLimit() == null || record.grantedLimit().isBlank())) {
            read.reject("grantedLimit", "is required", record.grantedLimit());
        }
        LocalDate grantedOn = read.date("grantedOn", record.grantedOn(), true);
        if (grantedOn != null && grantedOn.isAfter(LocalDate.now(clock))) {
            read.reject("grantedOn", "is in the future: give the date of the insurer's decision", record.grantedOn());
        }
        CoverState state = record.state() == null || record.state().isBlank() ? CoverState.GRANTED
                : read.choice("state", record.state(), CoverState.class, true);
        if (insurer != null && policyNumber != null && policies.of(insurer, policyNumber).isEmpty()) {
            read.reject("insurer", "has no declaration deadline for policy " + policyNumber
                    + " in the decision table CreditInsurancePolicyDecision (change it in Modeler); insurers it knows: "
                    + String.join(", ", insurers), insurer);
        }
        if (customer == null || insurer == null || policyNumber == null || limit == null || currency == null
                || grantedOn == null || state == null || errors.hasErrorsAt(positioned.position())) {
            return null;
        }
        return new ValidCover(customer, insurer, policyNumber, limit, currency, grantedOn, state.state());
    }

    /** "ALLIANZ TRADE" or "allianz-trade" in a file is the table's "Allianz Trade". */
    private static String spelledAsTheTable(String insurer, Set<String> insurers) {
        if (insurer == null) {
            return null;
        }
        String key = Labelled.normalize(insurer);
        return insurers.stream().filter(name -> Labelled.normalize(name).equals(key)).findFirst().orElse(insurer);
    }

    private ImportSummary store(java.util.Collection<ValidCover> valid) {
        Map<Long, InsuranceCover> existing = new LinkedHashMap<>();
        covers.findByCustomerIdIn(valid.stream().map(v -> v.customer().getId()).toList())
                .forEach(cover -> existing.put(cover.getCustomerId(), cover));
        String actor = actors.current("insurance cover import");
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (ValidCover cover : valid) {
            InsuranceCover stored = existing.get(cover.customer().getId());
            if (stored != null && same(stored, cover)) {
                unchanged++;
                continue;
            }
            if (stored == null) {
                stored = new InsuranceCover(cover.customer().getId());
                created++;
            } else {
                updated++;
            }
            stored.set(cover.insurer(), cover.policyNumber(), cover.limit(), cover.currency().getCurrencyCode(),
                    cover.grantedOn(), cover.state(), actor, now);
            covers.save(stored);
            audit.append(actor, "INSURANCE_COVER_SET", cover.customer().getId(), cover.customer().getExternalId(), null,
                    "%s, police %s : %s %s le %s (%s)".formatted(cover.insurer(), cover.policyNumber(),
                            cover.limit().toPlainString(), cover.currency().getCurrencyCode(), cover.grantedOn(),
                            cover.state()));
        }
        return new ImportSummary(valid.size(), created, updated, unchanged);
    }

    private static boolean same(InsuranceCover stored, ValidCover cover) {
        return stored.getInsurer().equals(cover.insurer()) && stored.getPolicyNumber().equals(cover.policyNumber())
                && stored.getGrantedLimit().compareTo(cover.limit()) == 0
                && stored.getCurrency().equals(cover.currency().getCurrencyCode())
                && stored.getGrantedOn().equals(cover.grantedOn()) && stored.getState() == cover.state();
    }
}
