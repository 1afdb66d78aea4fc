package org.encaisse.bank;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a statement import did, or would do on a dry run: payments applied by a rule (and which), payments left
 * to the collectors, entries already imported, and entries listed back with why they are not payments received.
 * Each list holds at most its first {@value BankStatementImport#LISTED} items.
 */
public record BankStatementSummary(String file, String format, boolean dryRun, String sha256, int statements,
                                   int entries, int paymentsReceived, int applied, int leftToMatch,
                                   int alreadyImported, int listed, String accountsNote,
                                   List<Applied> appliedPayments, List<ToMatch> toMatch, List<Listed> listedEntries) {

    public record Applied(String bankReference, BigDecimal amount, String currency, String customerExternalId,
                          List<String> invoiceNumbers, String rule, String why) {
    }

    public record ToMatch(String bankReference, BigDecimal amount, String currency, String debtorName,
                          String remittance, String bestCandidate) {
    }

    public record Listed(int line, String where, BigDecimal amount, String currency, String reason) {
    }
}
