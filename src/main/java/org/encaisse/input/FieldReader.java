package org.encaisse.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the text fields of one record, whether they came from a JSON body or from a CSV file
 * exported by a French spreadsheet, and records every field it cannot read instead of stopping
 * at the first one. A method returns {@code null} when the field is missing or unreadable.
 */
public final class FieldReader {

    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("EUR");

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));

    // Spreadsheets group thousands with spaces, non-breaking spaces or narrow non-breaking spaces.
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u00A0\\u202F]");
    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+([.,]\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}([.,])\\d{3}(\\1\\d{3})*([.,]\\d+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private final InputErrors errors;
    private final SourcePosition position;

    public FieldReader(InputErrors errors, SourcePosition position) {
        this.errors = errors;
        this.position = position;
    }

    public SourcePosition position() {
        return position;
    }

    public void reject(String field, String reason, String value) {
        errors.add(position, field, reason, value);
    }

    public String text(String field, String value, boolean required, int maxLength) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                reject(field, "is required", value);
            }
            return null;
        }
        if (trimmed.length() > maxLength) {
            reject(field, "is longer than " + maxLength + " characters", trimmed);
            return null;
        }
        return trimmed;
    }

    public LocalDate date(String field, String value, boolean required) {
        String text = text(field, value, required, 30);
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException notThisFormat) {
                // try the next accepted format
            }
        }
        reject(field, "is not a date (expected yyyy-MM-dd or dd/MM/yyyy)", text);
        return null;
    }

    /** A number written with a dot or a decimal comma, thousands grouped or not. */
    public BigDecimal number(String field, String value, boolean required) {
        String text = text(field, value, required, 40);
        if (text == null) {
            return null;
        }
        BigDecimal parsed = parseNumber(text);
        if (parsed == null) {
            reject(field, "is not a number (expected e.g. 1234.56 or 1 234,56)", text);
        }
        return parsed;
    }

    /** A strictly positive amount with no more decimals than the currency allows. */
    public BigDecimal amount(String field, String value, Currency currency, boolean required) {
        BigDecimal amount = number(field, value, required);
        if (amount == null) {
            return null;
        }
        if (amount.signum() <= 0) {
            reject(field, "must be greater than zero", value.strip());
            return null;
        }
        return checkedScale(field, value, amount, currency);
    }

    /** Zero or more, e.g. a credit limit. */
    public BigDecimal nonNegativeAmount(String field, String value, Currency currency) {
        BigDecimal amount = number(field, value, false);
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            reject(field, "must not be negative", value.strip());
            return null;
        }
        return checkedScale(field, value, amount, currency);
    }

    /** An ISO 4217 code; EUR when left blank. */
    public Currency currency(String field, String value) {
        String text = text(field, value, false, 3);
        if (text == null) {
            return value == null || value.isBlank() ? DEFAULT_CURRENCY : null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (CURRENCY_CODE.matcher(code).matches()) {
            try {
                Currency currency = Currency.getInstance(code);
                if (currency.getDefaultFractionDigits() >= 0 && currency.getDefaultFractionDigits() <= 2) {
                    return currency;
                }
                reject(field, "uses " + currency.getDefaultFractionDigits()
                        + " decimal places; only currencies with at most 2 are supported", text);
                return null;
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
        }
        reject(field, "is not an ISO 4217 currency code (e.g. EUR)", text);
        return null;
    }

    /** One of the values of {@code type}, matched on its name or its labels, ignoring case, accents and separators. */
    public <E extends Enum<E> & Labelled> E choice(String field, String value, Class<E> type, boolean required) {
        String text = text(field, value, required, 50);
        if (text == null) {
            return null;
        }
        String key = Labelled.normalize(text);
        for (E constant : type.getEnumConstants()) {
            if (Labelled.normalize(constant.name()).equals(key)
                    || constant.labels().stream().map(Labelled::normalize).anyMatch(key::equals)) {
                return constant;
            }
        }
        List<String> accepted = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        reject(field, "must be one of " + String.join(", ", accepted), text);
        return null;
    }

    private BigDecimal checkedScale(String field, String value, BigDecimal amount, Currency currency) {
        int allowed = currency == null ? 2 : currency.getDefaultFractionDigits();
        BigDecimal normalized = amount.stripTrailingZeros();
        if (normalized.scale() > allowed) {
            reject(field, "has more than " + allowed + " decimal places", value.strip());
            return null;
        }
        return amount.setScale(2);
    }

    static BigDecimal parseNumber(String text) {
        String compact = BLANKS.matcher(text).replaceAll("");
        if (compact.endsWith("€")) {
            compact = compact.substring(0, compact.length() - 1);
        }
        if (PLAIN.matcher(compact).matches()) {
            return new BigDecimal(compact.replace(',', '.'));
        }
        var grouped = GROUPED.matcher(compact);
        if (grouped.matches()) {
            String grouping = grouped.group(1);
            String decimals = grouped.group(3);
            if (decimals != null && decimals.startsWith(grouping)) {
                return null;
            }
            return new BigDecimal(compact.replace(grouping, "").replace(',', '.'));
        }
        return null;
    }
}
