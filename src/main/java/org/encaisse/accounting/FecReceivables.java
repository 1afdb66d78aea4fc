package org.encaisse.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.encaisse.input.InputErrors;
import org.encaisse.input.SourcePosition;

/**
 * What a FEC says about customers, taken from the lines on their sub-ledger accounts (411 with a
 * CompAuxNum), entry by entry. An entry's other accounts tell what the customer line is:
 * <ul>
 *   <li>a debit against sales (70, 4457) or carried forward (890, or the journal of "à-nouveaux")
 *       is an invoice, named by its PieceRef;</li>
 *   <li>a credit against a bank or cash account (512, 514, 517, 511, 53) is a payment, and one carried
 *       forward is money already received;</li>
 *   <li>a credit against sales is a credit note;</li>
 *   <li>anything else (a move to doubtful debts 416, a write-off, a refund) is listed back, not imported:
 *       the collector decides what it means.</li>
 * </ul>
 * Lettering (EcritureLet) ties credits to the invoices they settle, per customer and letter.
 */
final class FecReceivables implements Consumer<FecLine> {

    enum CreditKind { PAYMENT, CREDIT_NOTE }

    record InvoiceDraft(int line, String number, String customer, LocalDate issueDate, LocalDate dueDate,
                        BigDecimal amount, String currency, Set<String> letters) {
    }

    /** {@code key} identifies the line across files: journal, entry number, entry date and its rank in the entry. */
    record CreditDraft(int line, String key, CreditKind kind, String customer, LocalDate date, BigDecimal amount,
                       String currency, String letter, String label) {
    }

    static final int LISTED_NOT_IMPORTED = 200;

    private final LocalDate today;
    private final InputErrors errors;
    private final Map<String, String> customerNames = new LinkedHashMap<>();
    private final Map<String, Integer> customerFirstLines = new HashMap<>();
    private final Map<String, InvoiceDraft> invoices = new LinkedHashMap<>();
    private final List<CreditDraft> credits = new ArrayList<>();
    private final Map<String, List<String>> invoicesByLetter = new HashMap<>();
    private final List<FecImportSummary.NotImportedLine> notImported = new ArrayList<>();
    private int notImportedCount;
    private int customerLines;
    private final List<FecLine> entry = new ArrayList<>();

    FecReceivables(LocalDate today, InputErrors errors) {
        this.today = today;
        this.errors = errors;
    }

    @Override
    public void accept(FecLine line) {
        if (!entry.isEmpty() && !entry.get(0).entryKey().equals(line.entryKey())) {
            closeEntry();
        }
        entry.add(line);
    }

    /** Ends the last entry; call once after the file was read. */
    void finish() {
        closeEntry();
    }

    private void closeEntry() {
        if (entry.isEmpty()) {
            return;
        }
        boolean cash = entry.stream().anyMatch(line -> FecAccounts.isCash(line.compteNum()));
        boolean sales = entry.stream().anyMatch(line -> FecAccounts.isSales(line.compteNum()));
        boolean opening = isOpeningJournal(entry.get(0).journalCode())
                || entry.stream().anyMatch(line -> FecAccounts.isOpening(line.compteNum()));
        List<FecLine> onCustomers = entry.stream().filter(FecLine::isOnCustomerAccount).toList();
        Set<String> customersOfEntry = new LinkedHashSet<>();
        onCustomers.forEach(line -> customersOfEntry.add(line.compAuxNum()));
        int rank = 0;
        for (FecLine line : onCustomers) {
            rank++;
            customerLines++;
            customerNames.putIfAbsent(line.compAuxNum(), line.compAuxLib().isEmpty() ? line.compAuxNum() : line.compAuxLib());
            customerFirstLines.putIfAbsent(line.compAuxNum(), line.line());
            if (line.debit().signum() > 0) {
                if (sales || opening) {
                    // A carry-forward may give every customer's balance under one PieceRef: the customer tells them apart.
                    String number = opening && customersOfEntry.size() > 1 && sharesPiece(onCustomers, line)
                            ? line.pieceRef() + " " + line.compAuxNum() : line.pieceRef();
                    addInvoice(line, number);
                } else {
                    notImported(line, cash ? "a debit on the customer's account in a bank entry (a refund or a "
                            + "returned payment): not imported, check it with the bank"
                            : "a debit on the customer's account against neither sales nor a carry-forward: not imported");
                }
            } else if (line.credit().signum() > 0) {
                String key = line.journalCode() + " " + line.ecritureNum() + " " + line.ecritureDate() + " #" + rank;
                if (cash || opening) {
                    addCredit(line, key, CreditKind.PAYMENT);
                } else if (sales) {
                    addCredit(line, key, CreditKind.CREDIT_NOTE);
                } else {
                    notImported(line, "a credit on the customer's account against neither a bank nor sales (for "
                            + "example a move to doubtful debts or a write-off): not imported");
                }
            }
        }
        entry.clear();
    }

    private static boolean sharesPiece(List<FecLine> lines, FecLine line) {
        return lines.stream().anyMatch(other -> other.pieceRef().equals(line.pieceRef())
                && !other.compAuxNum().equals(line.compAuxNum()));
    }

    private static boolean isOpeningJournal(String journal) {
        String code = journal.toUpperCase(java.util.Locale.ROOT);
        return code.equals("AN") || code.equals("RAN") || code.equals("ANO");
    }

    private void addInvoice(FecLine line, String number) {
        String currency = foreignCurrency(line);
        BigDecimal amount = currency == null ? line.debit() : line.montantDevise().abs();
        InvoiceDraft earlier = invoices.get(number);
        if (earlier == null) {
            Set<String> letters = new LinkedHashSet<>();
            if (line.isLettered()) {
                letters.add(line.ecritureLet());
            }
            invoices.put(number, new InvoiceDraft(line.line(), number, line.compAuxNum(), line.pieceDate(),
                    line.dueDate(), amount, currency == null ? "EUR" : currency, letters));
        } else if (!earlier.customer().equals(line.compAuxNum())) {
            errors.add(SourcePosition.line(line.line()), "PieceRef", "invoices customer " + line.compAuxNum()
                    + " but line " + earlier.line() + " invoices " + earlier.customer() + " under the same PieceRef",
                    line.pieceRef());
            return;
        } else if (!earlier.currency().equals(currency == null ? "EUR" : currency)) {
            errors.add(SourcePosition.line(line.line()), "Idevise", "differs from line " + earlier.line()
                    + " of the same invoice (" + earlier.currency() + ")", currency == null ? "EUR" : currency);
            return;
        } else {
            // The same invoice on several lines (instalments): one invoice, its amounts added, its first due date.
            if (line.isLettered()) {
                earlier.letters().add(line.ecritureLet());
            }
            LocalDate due = earlier.dueDate() == null ? line.dueDate() : line.dueDate() == null ? earlier.dueDate()
                    : line.dueDate().isBefore(earlier.dueDate()) ? line.dueDate() : earlier.dueDate();
            invoices.put(number, new InvoiceDraft(earlier.line(), number, earlier.customer(), earlier.issueDate(), due,
                    earlier.amount().add(amount), earlier.currency(), earlier.letters()));
        }
        if (line.isLettered()) {
            List<String> lettered = invoicesByLetter.computeIfAbsent(letterKey(line.compAuxNum(), line.ecritureLet()),
                    k -> new ArrayList<>());
            if (!lettered.contains(number)) {
                lettered.add(number);
            }
        }
    }

    private void addCredit(FecLine line, String key, CreditKind kind) {
        if (line.ecritureDate().isAfter(today)) {
            errors.add(SourcePosition.line(line.line()), "EcritureDate", "is in the future", line.ecritureDate().toString());
            return;
        }
        String currency = foreignCurrency(line);
        BigDecimal amount = currency == null ? line.credit() : line.montantDevise().abs();
        String label = line.ecritureLib().isEmpty() ? line.pieceRef() : line.ecritureLib();
        credits.add(new CreditDraft(line.line(), key, kind, line.compAuxNum(), line.ecritureDate(), amount,
                currency == null ? "EUR" : currency, line.ecritureLet(), label));
    }

    /** The invoice's own currency when the line gives one other than the accounts' euro, with its amount. */
    private static String foreignCurrency(FecLine line) {
        return !line.idevise().isEmpty() && !line.idevise().equals("EUR") && line.montantDevise().signum() != 0
                ? line.idevise() : null;
    }

    private void notImported(FecLine line, String reason) {
        notImportedCount++;
        if (notImported.size() < LISTED_NOT_IMPORTED) {
            notImported.add(new FecImportSummary.NotImportedLine(line.line(), reason));
        }
    }

    private static String letterKey(String customer, String letter) {
        return customer + '\u0000' + letter;
    }

    Map<String, String> customerNames() {
        return customerNames;
    }

    int customerFirstLine(String customer) {
        return customerFirstLines.get(customer);
    }

    Map<String, InvoiceDraft> invoices() {
        return invoices;
    }

    /** Oldest first, so that each allocation sees what the earlier ones left outstanding. */
    List<CreditDraft> creditsByDate() {
        return credits.stream().sorted(Comparator.comparing(CreditDraft::date).thenComparing(CreditDraft::line)).toList();
    }

    /** The invoices of this file lettered with the credit's letter, in the order the file gave them. */
    List<String> letteredWith(CreditDraft credit) {
        return credit.letter().isEmpty() ? List.of()
                : invoicesByLetter.getOrDefault(letterKey(credit.customer(), credit.letter()), List.of());
    }

    List<FecImportSummary.NotImportedLine> notImported() {
        return notImported;
    }

    int notImportedCount() {
        return notImportedCount;
    }

    int customerLines() {
        return customerLines;
    }
}
