package org.encaisse.letter;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How letters write amounts, dates and rates in the customer's language. French grouping uses a
 * plain no-break space: the narrow one Java prefers is missing from the PDF's standard fonts.
 */
public final class LetterFormats {

    private final Locale locale;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter longDate;
    private final DecimalFormatSymbols symbols;
    /** Built at the first amount; one render, one thread, so the format's mutable state is never shared. */
    private DecimalFormat amounts;

    LetterFormats(Locale locale) {
        this.locale = locale;
        this.shortDate = DateTimeFormatter.ofPattern(isFrench() ? "dd/MM/yyyy" : "d MMM yyyy", locale);
        this.longDate = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        this.symbols = DecimalFormatSymbols.getInstance(locale);
        if (isFrench()) {
            symbols.setGroupingSeparator('\u00A0');
            symbols.setDecimalSeparator(',');
        }
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        if (amounts == null) {
            amounts = decimalFormat(2);
        }
        String number = amounts.format(amount);
        if (isFrench()) {
            return number + "\u00A0" + ("EUR".equals(currency) ? "€" : currency);
        }
        return ("EUR".equals(currency) ? "€" : currency + "\u00A0") + number;
    }

    /** A QR code of {@code text} as a PNG data URI, for an {@code img} of a printed letter. */
    public String qrCode(String text) {
        return QrCodes.dataUri(text);
    }

    public String date(LocalDate date) {
        return date == null ? "" : shortDate.format(date);
    }

    public String longDate(LocalDate date) {
        return date == null ? "" : longDate.format(date);
    }

    /** An instant as the creditor's office reads it (Europe/Paris). */
    public String dateTime(java.time.Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern(isFrench() ? "dd/MM/yyyy HH:mm" : "d MMM yyyy HH:mm", locale)
                .withZone(java.time.ZoneId.of("Europe/Paris")).format(instant);
    }

    public String percent(BigDecimal rate) {
        if (rate == null) {
            return "";
        }
        String number = decimalFormat(Math.max(2, rate.stripTrailingZeros().scale())).format(rate.stripTrailingZeros());
        return isFrench() ? number + "\u00A0%" : number + "%";
    }

    private DecimalFormat decimalFormat(int decimals) {
        return new DecimalFormat("#,##0." + "0".repeat(decimals), symbols);
    }

    private boolean isFrench() {
        return "fr".equals(locale.getLanguage());
    }
}
