package org.encaisse.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.CsvColumns;
import org.encaisse.input.CsvFile;
import org.encaisse.input.CsvImportKind;
import org.encaisse.input.FieldReader;
import org.encaisse.input.ImportSummary;
import org.encaisse.input.ImportHistory;
import org.encaisse.input.InputErrors;
import org.encaisse.input.Positioned;
import org.encaisse.input.QueryChunks;
import org.encaisse.input.SourcePosition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Creates or updates invoices by number, from JSON or CSV; a batch is accepted whole or not at all. */
@Service
public class InvoiceImport implements CsvImportKind {

    static final List<String> COLUMNS = List.of("number", "customerExternalId", "issueDate", "dueDate", "amount", "currency",
            "credit");
    /**
     * The names French accounting and customer-ledger exports give the columns. "Débit" is the amount invoiced;
     * a line with a "Crédit" is a payment or a credit note, which comes in with the bank's statement or the FEC.
     */
    static final Map<String, List<String>> ALIASES = Map.of(
            "number", List.of("N° facture", "Numéro de facture", "No facture", "N° pièce", "Numéro de pièce", "Pièce",
                    "Référence", "Réf", "Facture", "Invoice number", "Invoice"),
            "customerExternalId", List.of("Code client", "Compte auxiliaire", "Compte client", "N° client",
                    "Numéro client", "Client", "Code tiers", "Tiers", "Customer", "Customer code"),
            "issueDate", List.of("Date", "Date facture", "Date de facture", "Date pièce", "Date de pièce",
                    "Date d'émission", "Invoice date"),
            "dueDate", List.of("Échéance", "Date d'échéance", "Date échéance", "Due date"),
            "amount", List.of("Montant", "Montant TTC", "Total TTC", "Débit", "Amount"),
            "currency", List.of("Devise", "Currency"),
            "credit", List.of("Crédit"));
    static final List<String> REQUIRED_COLUMNS = List.of("number", "customerExternalId", "issueDate", "dueDate", "amount");

    private final Invoices invoices;
    private final CustomerDirectory customers;

    private final ApplicationEventPublisher events;

    private final org.encaisse.audit.AuditTrail audit;
    private final org.encaisse.audit.Actors actors;

    private final ImportHistory history;

    InvoiceImport(Invoices invoices, CustomerDirectory customers, ApplicationEventPublisher events,
                  org.encaisse.audit.AuditTrail audit, org.encaisse.audit.Actors actors, ImportHistory history) {
        this.history = history;
        this.audit = audit;
        this.actors = actors;
        this.invoices = invoices;
        this.customers = customers;
        this.events = events;
    }

    @Override
    public String kind() {
        return "invoices";
    }

    @Override
    public CsvColumns columns() {
        return new CsvColumns(COLUMNS, ALIASES, REQUIRED_COLUMNS, Map.of());
    }

    @Transactional
    public ImportSummary importCsv(String fileName, byte[] content) {
        return importCsv(fileName, content, columns(), false);
    }

    /** A dry run does all of it and rolls back, so that its summary is exactly what the import would do. */
    @Transactional
    public ImportSummary importCsv(String fileName, byte[] content, CsvColumns columns, boolean dryRun) {
        CsvFile file = CsvFile.read(fileName, content, columns);
        InputErrors credits = new InputErrors();
        for (CsvFile.Row row : file.rows()) {
            if (isNonZero(row.get("credit"))) {
                credits.add(row.position(), "credit", isNonZero(row.get("amount"))
                        ? "holds both a debit and a credit; an invoice is a debit only"
                        : "is a credit (a payment or a credit note), not an invoice: those come in with the bank's "
                        + "statement (/api/imports/bank-statements) or the accounts' FEC (/api/imports/fec)", row.get("credit"));
            }
        }
        credits.throwIfAny(fileName);
        List<Positioned<InvoiceRecord>> records = file.rows().stream()
                .map(row -> new Positioned<>(row.position(), new InvoiceRecord(row.get("number"),
                        row.get("customerExternalId"), row.get("issueDate"), row.get("dueDate"), row.get("amount"),
                        row.get("currency"))))
                .toList();
        ImportSummary summary = importRecords(records, fileName).withIgnoredColumns(file.ignoredColumns());
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } else {
            history.record("invoices-csv", fileName, ImportHistory.sha256(content), actors.current("CSV import"), summary);
        }
        return summary;
    }

    @Transactional
    public ImportSummary importRecords(List<Positioned<InvoiceRecord>> records, String what) {
        InputErrors errors = new InputErrors();
        if (records.isEmpty()) {
            errors.add(SourcePosition.item(1), null, "the batch holds no invoice", null);
        }
        List<ValidInvoice> read = new ArrayList<>();
        for (Positioned<InvoiceRecord> positioned : records) {
            ValidInvoice invoice = read(positioned, errors);
            if (invoice != null) {
                read.add(invoice);
            }
        }
        Map<String, Customer> knownCustomers = customers.findAll(read.stream().map(ValidInvoice::customerExternalId).toList());
        Map<String, Invoice> existing = existing(read);
        Map<String, ValidInvoice> valid = new LinkedHashMap<>();
        for (ValidInvoice invoice : read) {
            FieldReader fields = new FieldReader(errors, invoice.position());
            Customer customer = knownCustomers.get(invoice.customerExternalId());
            if (customer == null) {
                fields.reject("customerExternalId", "is not a known customer; import the customer first",
                        invoice.customerExternalId());
                continue;
            }
            ValidInvoice earlier = valid.putIfAbsent(invoice.number(), invoice.withCustomer(customer));
            if (earlier != null) {
                fields.reject("number", "appears twice in this batch (first at " + earlier.position() + ")", invoice.number());
                continue;
            }
            checkAgainstPayments(fields, invoice, customer, existing.get(invoice.number()));
        }
        errors.throwIfAny(what);
        return store(valid, existing);
    }

    private ValidInvoice read(Positioned<InvoiceRecord> positioned, InputErrors errors) {
        FieldReader fields = new FieldReader(errors, positioned.position());
        InvoiceRecord record = positioned.record();
        if (record == null) {
            fields.reject(null, "is empty", null);
            return null;
        }
        String number = fields.text("number", record.number(), true, 50);
        String customer = fields.text("customerExternalId", record.customerExternalId(), true, 50);
        LocalDate issueDate = fields.date("issueDate", record.issueDate(), true);
        LocalDate dueDate = fields.date("dueDate", record.dueDate(), true);
        Currency currency = fields.currency("currency", record.currency());
        BigDecimal amount = fields.amount("amount", record.amount(), currency, true);
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            fields.reject("dueDate", "is before the issue date " + issueDate, record.dueDate().strip());
        }
        if (errors.hasErrorsAt(positioned.position())) {
            return null;
        }
        return new ValidInvoice(positioned.position(), number, customer, null, issueDate, dueDate, amount,
                currency.getCurrencyCode());
    }

    /** An update must not contradict payments already allocated to the invoice. */
    private static void checkAgainstPayments(FieldReader fields, ValidInvoice invoice, Customer customer, Invoice current) {
        BigDecimal settled = current == null ? BigDecimal.ZERO : current.paidAmount().add(current.getCreditedAmount());
        if (settled.signum() == 0) {
            return;
        }
        if (!current.getCustomerId().equals(customer.getId())) {
            fields.reject("customerExternalId", "cannot change: payments are already allocated to this invoice",
                    invoice.customerExternalId());
        }
        if (!current.getCurrency().equals(invoice.currency())) {
            fields.reject("currency", "cannot change from " + current.getCurrency()
                    + ": payments are already allocated to this invoice", invoice.currency());
        }
        if (invoice.amount().compareTo(settled) < 0) {
            fields.reject("amount", "is below the " + settled + " " + current.getCurrency()
                    + " already paid or credited on this invoice", invoice.amount().toPlainString());
        }
    }

    private Map<String, Invoice> existing(List<ValidInvoice> read) {
        Map<String, Invoice> existing = new HashMap<>();
        for (List<String> chunk : QueryChunks.of(read.stream().map(ValidInvoice::number).distinct().toList())) {
            invoices.findByNumberIn(chunk).forEach(invoice -> existing.put(invoice.getNumber(), invoice));
        }
        return existing;
    }

    private ImportSummary store(Map<String, ValidInvoice> valid, Map<String, Invoice> existing) {
        int created = 0;
        int updated = 0;
        List<Invoice> toSave = new ArrayList<>();
        Set<Long> changedCustomers = new HashSet<>();
        for (ValidInvoice invoice : valid.values()) {
            Invoice entity = existing.get(invoice.number());
            boolean isNew = entity == null;
            if (isNew) {
                entity = new Invoice(invoice.number());
            } else {
                changedCustomers.add(entity.getCustomerId());
            }
            if (entity.update(invoice.customerId(), invoice.issueDate(), invoice.dueDate(), invoice.amount(),
                    invoice.currency())) {
                toSave.add(entity);
                changedCustomers.add(invoice.customerId());
                if (isNew) {
                    created++;
                } else {
                    updated++;
                }
            }
        }
        invoices.saveAll(toSave);
        if (!toSave.isEmpty()) {
            events.publishEvent(new InvoiceBalancesChanged(changedCustomers));
            String actor = actors.current("invoice import");
            Map<Long, List<String>> numbersByCustomer = new LinkedHashMap<>();
            toSave.forEach(invoice -> numbersByCustomer.computeIfAbsent(invoice.getCustomerId(), id -> new ArrayList<>())
                    .add(invoice.getNumber()));
            numbersByCustomer.forEach((customerId, numbers) -> audit.append(actor, "INVOICES_IMPORTED", customerId,
                    numbers.size() + " invoice(s) created or updated", numbers, null));
        }
        List<String> beyondLegalTerms = toSave.stream().filter(Invoice::isDueBeyondLegalTerms).map(Invoice::getNumber)
                .sorted().toList();
        return new ImportSummary(valid.size(), created, updated, valid.size() - created - updated)
                .withDueBeyondLegalTerms(beyondLegalTerms);
    }

    private record ValidInvoice(SourcePosition position, String number, String customerExternalId, Long customerId,
                                LocalDate issueDate, LocalDate dueDate, BigDecimal amount, String currency) {

        ValidInvoice withCustomer(Customer customer) {
            return new ValidInvoice(position, number, customerExternalId, customer.getId(), issueDate, dueDate,
                    amount, currency);
        }
    }

    /** A credit or amount cell that says something other than nothing: "0", "0,00" and blanks say nothing. */
    private static boolean isNonZero(String cell) {
        return cell != null && !cell.isBlank() && !cell.strip().replaceAll("[0,. ]", "").isEmpty();
    }
}
