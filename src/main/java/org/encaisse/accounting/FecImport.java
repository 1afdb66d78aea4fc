package org.encaisse.accounting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.encaisse.payment.PaymentsRecorded;
import org.springframework.context.ApplicationEventPublisher;
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

    /** Credits applied together, between two clears of the persistence context (see {@link #applyCredits}). */
    private static final int CHUNK = 500;

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
    private final ApplicationEventPublisher events;

    FecImport(CustomerImport customerImport, CustomerDirectory customers, InvoiceImport invoiceImport,
              InvoiceLedger ledger, PaymentRecording payments, ImportedLedgerLines importedLines, AuditTrail audit,
              Actors actors, Clock clock, @Value("${encaisse.imports.default-payment-term-days:30}") int defaultTermDays,
              ImportHistory history, EntityManager entityManager, ApplicationEventPublisher events) {
        this.events = events;
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

    /**
     * Applies the file's credits in date order, a chunk at a time: the chunk's payers locked, its lettered invoices
     * and what its payers owe read in a few queries, its payments and ledger lines written in JDBC batches, and the
     * payers' cases told once. As a credit settles invoices, the next one sees what is left.
     */
    private CreditsApplied applyCredits(FecReceivables receivables, String name, String actor) {
        List<FecReceivables.CreditDraft> credits = receivables.creditsByDate();
        Set<String> known = new HashSet<>();
        for (List<String> chunk : QueryChunks.of(credits.stream().map(FecReceivables.CreditDraft::key).toList())) {
            known.addAll(importedLines.findKnownKeys(chunk));
        }
        Map<String, Long> customerIds = new HashMap<>();
        customers.findAll(credits.stream().map(FecReceivables.CreditDraft::customer).distinct().toList())
                .forEach((externalId, customer) -> customerIds.put(externalId, customer.getId()));
        CreditsApplied applied = new CreditsApplied();
        List<FecReceivables.CreditDraft> fresh = new ArrayList<>();
        for (FecReceivables.CreditDraft credit : credits) {
            if (known.contains(credit.key())) {
                applied.alreadyImported++;
            } else {
                fresh.add(credit);
            }
        }
        // What the customers' and invoices' imports loaded is written out first, so that the credits start from
        // an empty persistence context.
        entityManager.flush();
        entityManager.clear();
        for (int from = 0; from < fresh.size(); from += CHUNK) {
            applyChunk(fresh.subList(from, Math.min(fresh.size(), from + CHUNK)), receivables, customerIds, name, actor,
                    applied);
        }
        return applied;
    }

    private void applyChunk(List<FecReceivables.CreditDraft> chunk, FecReceivables receivables,
                            Map<String, Long> customerIds, String name, String actor, CreditsApplied applied) {
        Map<Long, Customer> payers = customers.lockAll(chunk.stream().map(credit -> customerIds.get(credit.customer()))
                .collect(java.util.stream.Collectors.toSet()));
        Map<String, Invoice> letteredInvoices = ledger.findAll(chunk.stream()
                .flatMap(credit -> receivables.letteredWith(credit).stream()).collect(java.util.stream.Collectors.toSet()));
        Map<Long, List<Invoice>> owed = ledger.payableOnAccountOf(payers.keySet());
        Set<String> paidBefore = payments.recordedAmong(chunk.stream().map(FecImport::reference).toList());
        Set<String> paying = new java.util.LinkedHashSet<>();
        Instant now = clock.instant();
        List<ImportedLedgerLine> recorded = new ArrayList<>(chunk.size());
        for (FecReceivables.CreditDraft credit : chunk) {
            Customer customer = payers.get(customerIds.get(credit.customer()));
            List<Invoice> ofCustomer = owed.getOrDefault(customer.getId(), List.of());
            List<Invoice> lettered = receivables.letteredWith(credit).stream().map(letteredInvoices::get)
                    .filter(invoice -> invoice != null && invoice.getCustomerId().equals(customer.getId())
                            && invoice.getCurrency().equals(credit.currency())).toList();
            if (credit.kind() == FecReceivables.CreditKind.PAYMENT) {
                // Recorded through the API under the same reference: the FEC repeats it, nothing new.
                if (!paidBefore.contains(reference(credit))) {
                    List<Invoice> settled = !lettered.isEmpty() ? lettered : ofCustomer.stream()
                            .filter(invoice -> ledger.isPayableOnAccount(invoice, credit.currency())).toList();
                    // Lettered, it acknowledges its invoices; on account, the whole account (Code civil 2240).
                    payments.recordMatched(reference(credit), credit.date(), credit.amount(), credit.currency(), customer,
                            settled, !lettered.isEmpty() ? lettered : ofCustomer, actor);
                    paying.add(customer.getExternalId());
                }
                applied.payments++;
            } else {
                BigDecimal left = applyCreditNote(credit, customer, lettered, ofCustomer, actor, name);
                if (left.signum() > 0) {
                    applied.leftUnapplied.add("line " + credit.line() + ": " + left.toPlainString() + " "
                            + credit.currency() + " of the credit note '" + credit.label() + "' of " + credit.customer()
                            + " found no open invoice to reduce");
                }
                applied.creditNotes++;
            }
            recorded.add(new ImportedLedgerLine(credit, name, now));
        }
        importedLines.saveAll(recorded);
        events.publishEvent(new PaymentsRecorded(paying));
        // Every query flushes first, and a flush checks each entity the transaction holds: without clearing, the
        // hundred-thousandth credit would check every invoice and payment before it.
        entityManager.flush();
        entityManager.clear();
    }

    private static String reference(FecReceivables.CreditDraft credit) {
        return "FEC " + credit.key();
    }

    /** Lowers the lettered invoices first, then the oldest open ones; returns what found nothing to lower. */
    private BigDecimal applyCreditNote(FecReceivables.CreditDraft credit, Customer customer, List<Invoice> lettered,
                                       List<Invoice> owed, String actor, String name) {
        Map<Long, Invoice> targets = new LinkedHashMap<>();
        lettered.forEach(invoice -> targets.put(invoice.getId(), invoice));
        owed.stream().filter(invoice -> ledger.isPayableOnAccount(invoice, credit.currency()))
                .forEach(invoice -> targets.putIfAbsent(invoice.getId(), invoice));
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
