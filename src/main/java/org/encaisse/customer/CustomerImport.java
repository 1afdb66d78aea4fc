package org.encaisse.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.validator.routines.EmailValidator;
import org.encaisse.customer.Customer.CustomerDetails;
import org.encaisse.customer.CustomerRecord.ContactRecord;
import org.encaisse.audit.Actors;
import org.encaisse.input.CsvColumns;
import org.encaisse.input.ImportHistory;
import org.encaisse.input.CsvFile;
import org.encaisse.input.CsvImportKind;
import org.encaisse.input.FieldReader;
import org.encaisse.input.ImportSummary;
import org.encaisse.input.InputErrors;
import org.encaisse.input.Positioned;
import org.encaisse.input.SourcePosition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Creates or updates customers by external id, from JSON or CSV; a batch is accepted whole or not at all. */
@Service
public class CustomerImport implements CsvImportKind {

    static final List<String> CUSTOMER_COLUMNS = List.of(
            "externalId", "name", "companyId", "segment", "riskRating", "creditLimit", "salesRep", "language",
            "address", "latePaymentRate");
    static final List<String> CONTACT_COLUMNS = List.of("contactRole", "contactName", "contactEmail", "contactPhone");
    private static final Set<String> LANGUAGES = Set.of("fr", "en");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{6,30}");

    private final Customers customers;
    private final CustomerDirectory directory;

    private final ImportHistory history;
    private final Actors actors;

    CustomerImport(Customers customers, CustomerDirectory directory, ImportHistory history, Actors actors) {
        this.customers = customers;
        this.directory = directory;
        this.history = history;
        this.actors = actors;
    }

    @Transactional
    public ImportSummary importRecords(List<Positioned<CustomerRecord>> records, String what) {
        return importRecords(records, what, ContactLocator.JSON);
    }

    private ImportSummary importRecords(List<Positioned<CustomerRecord>> records, String what, ContactLocator locator) {
        InputErrors errors = new InputErrors();
        Map<String, ValidCustomer> valid = new LinkedHashMap<>();
        Map<String, Integer> firstPosition = new HashMap<>();
        for (Positioned<CustomerRecord> positioned : records) {
            ValidCustomer customer = validate(positioned, errors, locator);
            if (customer == null) {
                continue;
            }
            Integer earlier = firstPosition.putIfAbsent(customer.externalId(), positioned.position().number());
            if (earlier != null) {
                errors.add(positioned.position(), "externalId", "appears twice in this batch (first at "
                        + (positioned.position().isLine() ? "line " : "item ") + earlier + ")", customer.externalId());
                continue;
            }
            valid.put(customer.externalId(), customer);
        }
        if (records.isEmpty()) {
            errors.add(SourcePosition.item(1), null, "the batch holds no customer", null);
        }
        errors.throwIfAny(what);
        return store(valid);
    }

    @Override
    public String kind() {
        return "customers";
    }

    /** The columns of a customer CSV, and the names customer-ledger exports give the first two. */
    @Override
    public CsvColumns columns() {
        List<String> columns = new ArrayList<>(CUSTOMER_COLUMNS);
        columns.addAll(CONTACT_COLUMNS);
        return new CsvColumns(columns, Map.of(
                "externalId", List.of("Code client", "Compte auxiliaire", "Compte client", "N° client", "Numéro client",
                        "Code tiers", "Customer code"),
                "name", List.of("Raison sociale", "Nom du client", "Nom", "Intitulé", "Customer name"),
                "companyId", List.of("SIREN"),
                "address", List.of("Adresse")), List.of("externalId", "name"), Map.of());
    }

    @Transactional
    public ImportSummary importCsv(String fileName, byte[] content) {
        return importCsv(fileName, content, columns(), false);
    }

    /** A dry run does all of it and rolls back, so that its summary is exactly what the import would do. */
    @Transactional
    public ImportSummary importCsv(String fileName, byte[] content, CsvColumns columns, boolean dryRun) {
        CsvFile file = CsvFile.read(fileName, content, columns);
        CustomerCsvLines lines = new CustomerCsvLines(file);
        ImportSummary summary = importRecords(lines.records(), fileName, lines).withIgnoredColumns(file.ignoredColumns());
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } else {
            history.record("customers-csv", fileName, ImportHistory.sha256(content), actors.current("CSV import"), summary);
        }
        return summary;
    }

    private ImportSummary store(Map<String, ValidCustomer> valid) {
        Map<String, Customer> existing = directory.findAll(valid.keySet());
        int created = 0;
        int updated = 0;
        List<Customer> toSave = new ArrayList<>();
        for (ValidCustomer customer : valid.values()) {
            Customer entity = existing.get(customer.externalId());
            boolean isNew = entity == null;
            if (isNew) {
                entity = new Customer(customer.externalId());
            }
            if (entity.update(customer.details(), customer.contacts()) || isNew) {
                toSave.add(entity);
                if (isNew) {
                    created++;
                } else {
                    updated++;
                }
            }
        }
        customers.saveAll(toSave);
        return new ImportSummary(valid.size(), created, updated, valid.size() - created - updated);
    }

    private ValidCustomer validate(Positioned<CustomerRecord> positioned, InputErrors errors, ContactLocator locator) {
        CustomerRecord record = positioned.record();
        FieldReader fields = new FieldReader(errors, positioned.position());
        if (record == null) {
            fields.reject(null, "is empty", null);
            return null;
        }
        String externalId = fields.text("externalId", record.externalId(), true, 50);
        String name = fields.text("name", record.name(), true, 200);
        String companyId = companyId(fields, record.companyId());
        String segment = fields.text("segment", record.segment(), false, 50);
        RiskRating risk = fields.choice("riskRating", record.riskRating(), RiskRating.class, false);
        BigDecimal creditLimit = fields.nonNegativeAmount("creditLimit", record.creditLimit(), FieldReader.DEFAULT_CURRENCY);
        String salesRep = fields.text("salesRep", record.salesRep(), false, 100);
        String language = language(fields, record.language());
        String address = fields.text("address", record.address(), false, 500);
        BigDecimal latePaymentRate = latePaymentRate(fields, record.latePaymentRate());
        List<Contact> contacts = contacts(positioned.position(), record.contacts(), errors, locator);
        if (errors.hasErrorsAt(positioned.position()) || contacts != null && contacts.contains(null)) {
            return null;
        }
        return new ValidCustomer(externalId,
                new CustomerDetails(name, companyId, segment, risk, creditLimit, salesRep, language, address,
                        latePaymentRate), contacts);
    }

    private static String companyId(FieldReader fields, String raw) {
        String text = fields.text("companyId", raw, false, 30);
        if (text == null) {
            return null;
        }
        String normalized = CompanyIds.normalize(text);
        if (normalized == null) {
            fields.reject("companyId", "is neither a valid SIREN/SIRET (9 or 14 digits, Luhn check) nor a VAT number", text);
        }
        return normalized;
    }

    /**
     * The yearly late-payment interest rate written in the customer's terms, in percent; French law
     * sets a floor of three times the legal interest rate, which the credit manager checks when agreeing it.
     */
    private static BigDecimal latePaymentRate(FieldReader fields, String raw) {
        BigDecimal rate = fields.number("latePaymentRate", raw, false);
        if (rate != null && (rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.scale() > 3)) {
            fields.reject("latePaymentRate", "must be a yearly rate in percent, above 0 and at most 100, 3 decimals at most",
                    raw);
            return null;
        }
        return rate;
    }

    private static String language(FieldReader fields, String raw) {
        String text = fields.text("language", raw, false, 5);
        if (text == null) {
            return "fr";
        }
        String code = text.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(code)) {
            fields.reject("language", "must be fr or en", text);
            return null;
        }
        return code;
    }

    /** The contacts read, with null in place of each contact that had an error. */
    private static List<Contact> contacts(SourcePosition customer, List<ContactRecord> records, InputErrors errors,
                                          ContactLocator locator) {
        if (records == null) {
            return null;
        }
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ContactRecord record = records.get(i);
            if (record == null) {
                errors.add(customer, locator.field(i, "role"), "the contact is empty", null);
                contacts.add(null);
                continue;
            }
            SourcePosition position = locator.position(customer, record);
            InputErrors contactErrors = new InputErrors();
            FieldReader fields = new FieldReader(contactErrors, position);
            ContactRole role = fields.choice(locator.field(i, "role"), record.role(), ContactRole.class, true);
            String name = fields.text(locator.field(i, "name"), record.name(), true, 200);
            String email = fields.text(locator.field(i, "email"), record.email(), false, 254);
            if (email != null && !EmailValidator.getInstance().isValid(email)) {
                fields.reject(locator.field(i, "email"), "is not an email address", email);
            }
            String phone = fields.text(locator.field(i, "phone"), record.phone(), false, 30);
            if (phone != null && (!PHONE.matcher(phone).matches() || phone.replaceAll("\\D", "").length() < 6)) {
                fields.reject(locator.field(i, "phone"), "is not a phone number", phone);
            }
            if (isBlank(record.email()) && isBlank(record.phone())) {
                fields.reject(locator.field(i, "email"), "a contact needs an email or a phone number", null);
            }
            contactErrors.forEach(errors::add);
            contacts.add(contactErrors.isEmpty() ? new Contact(role, name, email, phone) : null);
        }
        return contacts;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private record ValidCustomer(String externalId, CustomerDetails details, List<Contact> contacts) {
    }
}
