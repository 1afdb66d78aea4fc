package org.encaisse.accounting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.encaisse.audit.Actors;
import org.encaisse.audit.AuditTrail;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.customer.CustomerImport;
import org.encaisse.customer.CustomerRecord;
import org.encaisse.input.ImportHistory;
import org.encaisse.input.InputErrors;
import org.encaisse.input.Positioned;
import org.encaisse.input.QueryChunks;
import org.encaisse.input.SourcePosition;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceImport;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.invoice.InvoiceRecord;
import org.encaisse.payment.PaymentRecording;
import org.encaisse.payment.PaymentRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports the customers, invoices, payments and credit notes a FEC holds (see {@link FecReceivables} for
 * what each customer line becomes). The file is checked whole first: one bad line and nothing is imported.
 * What is already known stays as it is: customers by CompAuxNum, invoices by number, credits by their
 * line's identity in the accounts. A dry run does all of it and rolls back, so its summary is exactly what
 * the import would do.
 */
@Service
public class FecImport {

    /** Credits applied between two clears of the persistence context (see {@link #writeOut}). */
    private static final int FLUSH_EVERY = 200;

    private final CustomerImport customerImport;
    private final CustomerDirectory customers;
    private final InvoiceImport invoiceImport;
    private final InvoiceLedger ledger;
    private final PaymentRecording payments;
    private final ImportedLedgerLines importedLines;
    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;
    private final int defaultTermDays;
    private final ImportHistory history;
    private final EntityManager entityManager;

    FecImport(CustomerImport customerImport, CustomerDirectory customers, InvoiceImport invoiceImport,
              InvoiceLedger ledger, PaymentRecording payments, ImportedLedgerLines importedLines, AuditTrail audit,
              Actors actors, Clock clock, @Value("${encaisse.imports.default-payment-term-days:30}") int defaultTermDays,
              ImportHistory history, EntityManager entityManager) {
        this.history = history;
        this.entityManager = entityManager;
        this.customerImport = customerImport;
        this.customers = customers;
        this.invoiceImport = invoiceImport;
        this.ledger = ledger;
        this.payments = payments;
        this.importedLines = importedLines;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
        this.defaultTermDays = defaultTermDays;
    }

    @Transactional
    public FecImportSummary importFile(String name, InputStreamSource content, boolean dryRun) {
        FecFile file = FecFile.open(name, content);
        InputErrors errors = new InputErrors();
        FecReceivables receivables = new FecReceivables(LocalDate.now(clock), errors);
        FecFile.Pass pass = file.read(errors, receivables);
        receivables.finish();
        errors.throwIfAny(name);

        String actor = actors.current("FEC import");
        int customersCreated = createCustomers(receivables, name);
        int[] invoices = createInvoices(receivables, name);
        CreditsApplied credits = applyCredits(receivables, name, actor);
        FecImportSummary summary = new FecImportSummary(name, dryRun, file.charset().name(), pass.lines(),
                pass.entries(), receivables.customerLines(), customersCreated, invoices[0], invoices[1], credits.payments,
                credits.creditNotes, credits.alreadyImported, receivables.notImportedCount(),
                receivables.notImported(), credits.leftUnapplied);
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } else {
            history.record("fec", name, ImportHistory.sha256(content), actor, summary);
        }
        return summary;
    }

    /** Customers the file names that Encaisse does not know yet; known ones keep what they have. */
    private int createCustomers(FecReceivables receivables, String name) {
        Set<String> known = customers.findAll(receivables.customerNames().keySet()).keySet();
        List<Positioned<CustomerRecord>> fresh = new ArrayList<>();
        receivables.customerNames().forEach((externalId, customerName) -> {
            if (!known.contains(externalId)) {
                fresh.add(new Positioned<>(SourcePosition.line(receivables.customerFirstLine(externalId)),
                        new CustomerRecord(externalId, customerName, null, null, null, null, null, null, null, null,
                                List.of())));
            }
        });
        if (!fresh.isEmpty()) {
            customerImport.importRecords(fresh, name);
        }
        return fresh.size();
    }

    /** Invoices the file holds that Encaisse does not know yet: {created, already known}. */
    private int[] createInvoices(FecReceivables receivables, String name) {
        Map<String, FecReceivables.InvoiceDraft> drafts = receivables.invoices();
        Set<String> known = new HashSet<>(ledger.findAll(drafts.keySet()).keySet());
        List<FecReceivables.InvoiceDraft> fresh = drafts.values().stream().filter(d -> !known.contains(d.number())).toList();
        if (fresh.isEmpty()) {
            return new int[] {0, known.size()};
        }
        Map<String, Customer> byExternalId = customers.findAll(fresh.stream().map(FecReceivables.InvoiceDraft::customer)
                .distinct().toList());
        Map<Long, Integer> terms = ledger.usualTermDays(byExternalId.values().stream().map(Customer::getId).toList());
        List<Positioned<InvoiceRecord>> records = new ArrayList<>(fresh.size());
        for (FecReceivables.InvoiceDraft draft : fresh) {
            LocalDate due = draft.dueDate() != null ? draft.dueDate()
                    : draft.issueDate().plusDays(terms.getOrDefault(byExternalId.get(draft.customer()).getId(), defaultTermDays));
            if (due.isBefore(draft.issueDate())) {
                due = draft.issueDate();
            }
            records.add(new Positioned<>(SourcePosition.line(draft.line()), new InvoiceRecord(draft.number(),
                    draft.customer(), draft.issueDate().toString(), due.toString(), draft.amount().toPlainString(),
                    draft.currency())));
        }
        invoiceImport.importRecords(records, name);
        return new int[] {fresh.size(), known.size()};
    }

    private static final class CreditsApplied {
        int payments;
        int creditNotes;
        int alreadyImported;
        final List<String> leftUnapplied = new ArrayList<>();
    }

    private CreditsApplied applyCredits(FecReceivables receivables, String name, String actor) {
        List<FecReceivables.CreditDraft> credits = receivables.creditsByDate();
        Set<String> known = new HashSet<>();
        for (List<String> chunk : QueryChunks.of(credits.stream().map(FecReceivables.CreditDraft::key).toList())) {
            known.addAll(importedLines.findKnownKeys(chunk));
        }
        Map<String, Customer> byExternalId = customers.findAll(credits.stream().map(FecReceivables.CreditDraft::customer)
                .distinct().toList());
        CreditsApplied applied = new CreditsApplied();
        Instant now = clock.instant();
        List<ImportedLedgerLine> recorded = new ArrayList<>();
        // What the customers' and invoices' imports loaded is written out first, so that the credits start from
        // an empty persistence context.
        entityManager.flush();
        entityManager.clear();
        for (FecReceivables.CreditDraft credit : credits) {
            if (known.contains(credit.key())) {
                applied.alreadyImported++;
                continue;
            }
            Customer customer = byExternalId.get(credit.customer());
            List<Invoice> lettered = lettered(receivables.letteredWith(credit), customer, credit.currency());
            if (credit.kind() == FecReceivables.CreditKind.PAYMENT) {
                List<String> numbers = lettered.stream().map(Invoice::getNumber).toList();
                payments.record(new PaymentRequest("FEC " + credit.key(), credit.date().toString(),
                        credit.amount().toPlainString(), credit.currency(), numbers.isEmpty() ? null : numbers,
                        numbers.isEmpty() ? credit.customer() : null), actor);
                applied.payments++;
            } else {
                BigDecimal left = applyCreditNote(credit, customer, lettered, actor, name);
                if (left.signum() > 0) {
                    applied.leftUnapplied.add("line " + credit.line() + ": " + left.toPlainString() + " "
                            + credit.currency() + " of the credit note '" + credit.label() + "' of " + credit.customer()
                            + " found no open invoice to reduce");
                }
                applied.creditNotes++;
            }
            recorded.add(new ImportedLedgerLine(credit, name, now));
            if (recorded.size() == FLUSH_EVERY) {
                writeOut(recorded);
            }
        }
        writeOut(recorded);
        return applied;
    }

    /**
     * Saves the ledger lines recorded since the last time, writes out the persistence context and empties it: every
     * query of the next credit flushes first, and a flush checks each entity the transaction holds, so without
     * this the hundred-thousandth credit would check every invoice and payment before it.
     */
    private void writeOut(List<ImportedLedgerLine> recorded) {
        importedLines.saveAll(recorded);
        recorded.clear();
        entityManager.flush();
        entityManager.clear();
    }

    /** The lettered invoices that are this customer's, in this currency: a letter never reaches another account. */
    private List<Invoice> lettered(List<String> numbers, Customer customer, String currency) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        Map<String, Invoice> found = ledger.findAll(numbers);
        return numbers.stream().map(found::get).filter(invoice -> invoice != null
                && invoice.getCustomerId().equals(customer.getId()) && invoice.getCurrency().equals(currency)).toList();
    }

    /** Lowers the lettered invoices first, then the oldest open ones; returns what found nothing to lower. */
    private BigDecimal applyCreditNote(FecReceivables.CreditDraft credit, Customer customer, List<Invoice> lettered,
                                       String actor, String name) {
        Map<Long, Invoice> targets = new LinkedHashMap<>();
        lettered.forEach(invoice -> targets.put(invoice.getId(), invoice));
        ledger.payableOnAccount(customer.getId(), credit.currency()).forEach(invoice -> targets.putIfAbsent(invoice.getId(), invoice));
        BigDecimal left = credit.amount();
        List<String> lowered = new ArrayList<>();
        for (Invoice invoice : targets.values()) {
            BigDecimal share = left.min(invoice.getOutstandingAmount());
            if (share.signum() > 0) {
                ledger.credit(invoice, share);
                lowered.add(invoice.getNumber());
                left = left.subtract(share);
            }
            if (left.signum() == 0) {
                break;
            }
        }
        audit.append(actor, "CREDIT_NOTE_IMPORTED", customer.getId(), "credit note '" + credit.label() + "' of "
                + credit.date() + " from " + name + " (" + credit.key() + ")", lowered, credit.amount().toPlainString()
                + " " + credit.currency() + (left.signum() > 0 ? ", " + left.toPlainString() + " left unapplied" : ""));
        return left;
    }
}
