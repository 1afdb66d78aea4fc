package org.encaisse.bank;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.encaisse.audit.Actors;
import org.encaisse.input.ImportHistory;
import org.encaisse.input.InputErrors;
import org.encaisse.input.QueryChunks;
import org.encaisse.input.SourcePosition;
import org.encaisse.invoice.Invoice;
import org.encaisse.payment.PaymentRecording;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports a bank's statement file, CAMT.053 or CFONB 120, told apart by content. The file is checked whole
 * first: one error and nothing is recorded. Then every booked credit of the company's accounts is a payment
 * received, recorded once by its bank reference, and matched ({@link BankMatching}); debits, pending entries,
 * reversals and other accounts' statements are listed back. A dry run does all of it and rolls back.
 */
@Service
public class BankStatementImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BankStatementImport.class);

    static final int LISTED = 1000;
    /**
     * Entries matched together: their invoices and payers read in a few queries, their payments written in JDBC
     * batches, and then the persistence context cleared. Every query flushes first, and a flush checks each
     * entity the transaction loaded: without clearing, the ten-thousandth entry would check the nine thousand
     * invoices and payments before it.
     */
    private static final int CHUNK = 500;

    private final BankEntries entries;
    private final BankMatching matching;
    private final BankAccounts accounts;
    private final PaymentRecording payments;
    private final Clock clock;
    private final EntityManager entityManager;
    private final ImportHistory history;
    private final Actors actors;

    BankStatementImport(BankEntries entries, BankMatching matching, BankAccounts accounts, PaymentRecording payments,
                        Clock clock, EntityManager entityManager, ImportHistory history, Actors actors) {
        this.entityManager = entityManager;
        this.history = history;
        this.actors = actors;
        this.entries = entries;
        this.matching = matching;
        this.accounts = accounts;
        this.payments = payments;
        this.clock = clock;
    }

    @Transactional
    public BankStatementSummary importFile(String name, byte[] content, boolean dryRun) {
        InputErrors errors = new InputErrors();
        StatementFormat format = StatementFormat.of(content, errors);
        errors.throwIfAny(name);
        List<BankStatement> statements;
        String formatName;
        if (format == StatementFormat.CAMT_053) {
            Camt053File file = Camt053File.read(content, errors);
            statements = file.statements();
            formatName = file.format();
        } else {
            statements = Cfonb120File.read(content, errors).statements();
            formatName = "CFONB 120";
        }
        errors.throwIfAny(name);

        Tally tally = new Tally();
        List<StatementEntry> received = new ArrayList<>();
        for (BankStatement statement : statements) {
            for (StatementEntry entry : statement.entries()) {
                tally.entries++;
                String reason = notReceived(statement, entry);
                if (reason != null) {
                    tally.listed(entry, reason);
                } else {
                    received.add(entry);
                }
            }
        }
        List<StatementEntry> fresh = unknown(received, errors, tally);
        errors.throwIfAny(name);

        long matchingNanos = 0;
        long leftNanos = 0;
        for (List<StatementEntry> chunk : chunks(fresh)) {
            long start = System.nanoTime();
            List<BankMatching.Outcome> outcomes = matching.receiveAll(chunk, name);
            entityManager.flush();
            entityManager.clear();
            long matched = System.nanoTime();
            matchingNanos += matched - start;
            List<BankMatching.Outcome> unmatched = new ArrayList<>();
            List<StatementEntry> unmatchedEntries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (outcomes.get(i).match() == null) {
                    unmatched.add(outcomes.get(i));
                    unmatchedEntries.add(chunk.get(i));
                }
            }
            Iterator<BankMatching.Outcome> leftToCollectors = unmatched.isEmpty() ? java.util.Collections.emptyIterator()
                    : matching.leaveToCollectors(unmatched, unmatchedEntries).iterator();
            for (int i = 0; i < chunk.size(); i++) {
                tally.received(chunk.get(i), outcomes.get(i).match() != null ? outcomes.get(i) : leftToCollectors.next());
            }
            entityManager.flush();
            entityManager.clear();
            leftNanos += System.nanoTime() - matched;
        }
        log.info("{}: {} payments received, {} applied by the rules and written in {} ms, {} left to collectors in {} ms",
                name, fresh.size(), tally.applied.size(), matchingNanos / 1_000_000, tally.toMatch.size(),
                leftNanos / 1_000_000);
        BankStatementSummary summary = new BankStatementSummary(name, formatName, dryRun, ImportHistory.sha256(content),
                statements.size(), tally.entries,
                received.size(), tally.applied.size(), tally.toMatch.size(), tally.alreadyImported, tally.listed.size(),
                accounts.configured() ? null : "No company account is configured (encaisse.bank.accounts): the "
                        + "statements of every account were taken.",
                cap(tally.applied), cap(tally.toMatch), cap(tally.listed));
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } else {
            history.record("bank-statement", name, summary.sha256(), actors.current("bank statement import"), summary);
        }
        return summary;
    }

    private String notReceived(BankStatement statement, StatementEntry entry) {
        if (!accounts.isOurs(statement.account())) {
            return "statement of account " + statement.account() + ", which is not one of the company's accounts "
                    + "(encaisse.bank.accounts)";
        }
        if (!entry.credit()) {
            return "a debit: money paid out, not a payment received";
        }
        if (!entry.booked()) {
            return "not booked yet (pending): it is recorded from the statement that books it";
        }
        if (entry.reversal()) {
            return "the reversal of an earlier entry: to be looked at by hand";
        }
        return null;
    }

    /**
     * The payments received not yet imported. One already imported, or recorded through the API under the same
     * bank reference, is counted and left alone; the same reference for another amount or date is an error.
     */
    private List<StatementEntry> unknown(List<StatementEntry> received, InputErrors errors, Tally tally) {
        List<String> references = received.stream().map(StatementEntry::bankReference).distinct().toList();
        Map<String, BankEntry> known = new HashMap<>();
        for (List<String> chunk : QueryChunks.of(references)) {
            entries.findByBankReferenceIn(chunk).forEach(entry -> known.put(entry.getBankReference(), entry));
        }
        // Payments recorded through the API under a statement's reference are rare: looked at one by one only then.
        java.util.Set<String> paid = payments.recordedAmong(references);
        LocalDate today = LocalDate.now(clock);
        Map<String, StatementEntry> inFile = new HashMap<>();
        List<StatementEntry> fresh = new ArrayList<>();
        for (StatementEntry entry : received) {
            SourcePosition position = SourcePosition.line(entry.line());
            if (entry.bookingDate().isAfter(today)) {
                errors.add(position, entry.where(), "is booked on " + entry.bookingDate() + ", after today", null);
                continue;
            }
            StatementEntry twin = inFile.putIfAbsent(entry.bankReference(), entry);
            BankEntry before = known.get(entry.bankReference());
            if (twin != null || before != null) {
                boolean same = twin != null ? sameMoney(twin, entry)
                        : before.getAmount().compareTo(entry.amount()) == 0 && before.getCurrency().equals(entry.currency())
                        && before.getBookingDate().equals(entry.bookingDate());
                if (!same) {
                    errors.add(position, entry.where(), "has the bank reference '" + entry.bankReference() + "' of "
                            + (twin != null ? "the entry at " + twin.where() : "an entry imported before")
                            + " with another amount or date", entry.amount().toPlainString());
                } else {
                    tally.alreadyImported++;
                }
                continue;
            }
            if (!paid.contains(entry.bankReference())) {
                fresh.add(entry);
                continue;
            }
            switch (payments.recorded(entry.bankReference(), entry.bookingDate(), entry.amount(), entry.currency())) {
                case SAME -> tally.alreadyImported++;
                case OTHER -> errors.add(position, entry.where(), "has the bank reference '" + entry.bankReference()
                        + "' of a payment recorded before with another amount or date", entry.amount().toPlainString());
                case NONE -> fresh.add(entry);
            }
        }
        return fresh;
    }

    private static boolean sameMoney(StatementEntry a, StatementEntry b) {
        return a.amount().compareTo(b.amount()) == 0 && a.currency().equals(b.currency())
                && a.bookingDate().equals(b.bookingDate());
    }

    private static List<List<StatementEntry>> chunks(List<StatementEntry> entries) {
        List<List<StatementEntry>> chunks = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += CHUNK) {
            chunks.add(entries.subList(from, Math.min(entries.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static <T> List<T> cap(List<T> items) {
        return items.size() <= LISTED ? items : items.subList(0, LISTED);
    }

    private static final class Tally {
        int entries;
        int alreadyImported;
        final List<BankStatementSummary.Applied> applied = new ArrayList<>();
        final List<BankStatementSummary.ToMatch> toMatch = new ArrayList<>();
        final List<BankStatementSummary.Listed> listed = new ArrayList<>();

        void listed(StatementEntry entry, String reason) {
            listed.add(new BankStatementSummary.Listed(entry.line(), entry.where(), entry.amount(), entry.currency(),
                    reason));
        }

        void received(StatementEntry entry, BankMatching.Outcome outcome) {
            if (outcome.match() != null) {
                applied.add(new BankStatementSummary.Applied(entry.bankReference(), entry.amount(), entry.currency(),
                        outcome.match().customer().getExternalId(),
                        outcome.match().invoices().stream().map(Invoice::getNumber).toList(),
                        outcome.match().rule().name(), outcome.match().why()));
            } else {
                toMatch.add(new BankStatementSummary.ToMatch(entry.bankReference(), entry.amount(), entry.currency(),
                        entry.debtorName(), entry.remittance(), outcome.best() == null ? null
                        : outcome.best().customer().getExternalId() + " (" + outcome.best().score() + "/100)"));
            }
        }
    }
}
