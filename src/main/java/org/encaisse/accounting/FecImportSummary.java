package org.encaisse.accounting;

import java.util.List;

/**
 * What a FEC import did, or would do on a dry run. Lines already imported by an earlier file are counted,
 * not imported again; lines on customer accounts that are neither an invoice, a payment nor a credit note
 * are listed back (the first {@value FecReceivables#LISTED_NOT_IMPORTED}) for the collector to look at.
 */
public record FecImportSummary(String file, boolean dryRun, String encoding, int lines, int entries,
                               int customerLines, int customersCreated, int invoicesCreated,
                               int invoicesAlreadyKnown, int paymentsRecorded, int creditNotesApplied,
                               int creditsAlreadyImported, int notImported, List<NotImportedLine> notImportedLines,
                               List<String> creditLeftUnapplied) {

    public record NotImportedLine(int line, String reason) {
    }
}
