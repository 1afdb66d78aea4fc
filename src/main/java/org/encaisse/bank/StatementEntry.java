package org.encaisse.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One movement of a statement as the bank reported it. {@code where} says where it is in the file (an XPath
 * for CAMT.053, a record for CFONB 120), {@code line} the line it starts on. Only a booked credit of the
 * company's own account is a payment received; everything else is listed back.
 *
 * @param references what the payer wrote to say what it pays: unstructured and structured remittance, the
 *                   end-to-end id; searched for invoice numbers
 */
record StatementEntry(int line, String where, String account, String statementId, String bankReference,
                      LocalDate bookingDate, LocalDate valueDate, BigDecimal amount, String currency, boolean credit,
                      boolean booked, boolean reversal, String debtorName, String debtorIban, List<String> references) {

    static final String REFERENCE_SEPARATOR = " · ";

    /** What the payer wrote, on one line, for people to read. */
    String remittance() {
        return String.join(REFERENCE_SEPARATOR, references);
    }
}
