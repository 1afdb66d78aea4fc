package org.encaisse.letter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Everything a letter template may show. Amounts are in {@code currency}; the fixed compensation
 * is in EUR whatever the invoices' currency, as the law states it.
 *
 * @param template          file name under letters/{language}/, without .html
 * @param reference         printed on the letter and quoted in the customer's reply
 * @param interestRate      the customer's own yearly rate, or null when the statutory table applied
 * @param portalUrl         the customer's personal link to its portal page, or null
 */
public record Letter(String template, Locale locale, String reference, LocalDate date, boolean registered,
                     Creditor creditor, Addressee addressee, String currency, List<Line> invoices, Totals totals,
                     boolean claimsPenalties, BigDecimal interestRate, List<InstallmentLine> installments,
                     String portalUrl) {

    public Letter {
        invoices = List.copyOf(invoices);
        installments = installments == null ? List.of() : List.copyOf(installments);
    }

    public record Addressee(String company, String companyId, String contactName, String email, List<String> address) {
    }

    public record Line(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
                       BigDecimal outstanding, int daysLate, BigDecimal interest) {
    }

    /** {@code claimed}: principal and interest, plus the compensation when the invoices are in EUR. */
    public record Totals(BigDecimal outstanding, BigDecimal interest, BigDecimal compensationPerInvoice,
                         BigDecimal compensation, BigDecimal claimed) {
    }

    public record InstallmentLine(int number, LocalDate dueDate, BigDecimal amount) {
    }

    public String language() {
        return locale.getLanguage();
    }
}
