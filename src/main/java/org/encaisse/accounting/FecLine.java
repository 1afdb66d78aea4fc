package org.encaisse.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a FEC, its amounts brought to one side: {@code debit} and {@code credit} are never
 * both above zero, whether the file wrote Debit/Credit, Montant/Sens or a negative amount.
 * {@code dueDate} comes from a due-date column some packages add to the 18 of the specification.
 */
record FecLine(int line, String journalCode, String journalLib, String ecritureNum, LocalDate ecritureDate,
               String compteNum, String compteLib, String compAuxNum, String compAuxLib, String pieceRef,
               LocalDate pieceDate, String ecritureLib, BigDecimal debit, BigDecimal credit, String ecritureLet,
               LocalDate dateLet, LocalDate validDate, BigDecimal montantDevise, String idevise, LocalDate dueDate) {

    /** The lines of one entry share its journal, number and date (numbers may restart each fiscal year). */
    String entryKey() {
        return journalCode + '\u0000' + ecritureNum + '\u0000' + ecritureDate;
    }

    boolean isOnCustomerAccount() {
        return compteNum.startsWith(FecAccounts.CUSTOMERS) && !compAuxNum.isEmpty();
    }

    boolean isLettered() {
        return !ecritureLet.isEmpty();
    }
}
