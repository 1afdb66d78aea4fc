package org.encaisse.accounting;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.encaisse.input.InputErrors;
import org.springframework.core.io.InputStreamSource;
import org.encaisse.input.SourcePosition;

/**
 * A FEC read as a stream, twice if need be: once to check every line, once to import. The file is
 * never held in memory whole; a FEC of a million lines is a few hundred megabytes. Text is UTF-8
 * (with or without a byte-order mark) or, when it is not valid UTF-8, ISO-8859-15 as the
 * specification allows.
 */
final class FecFile {

    /** What one pass saw. */
    record Pass(int lines, int entries) {
    }

    static final int MAX_REPORTED_ERRORS = 1000;
    private static final Charset LATIN_9 = Charset.forName("ISO-8859-15");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern AMOUNT = Pattern.compile("[+-]?\\d{1,13}(?:[.,]\\d+)?");

    private final String name;
    private final InputStreamSource source;
    private final Charset charset;

    private FecFile(String name, InputStreamSource source, Charset charset) {
        this.name = name;
        this.source = source;
        this.charset = charset;
    }

    static FecFile open(String name, InputStreamSource source) {
        return new FecFile(name, source, isUtf8(source) ? StandardCharsets.UTF_8 : LATIN_9);
    }

    String name() {
        return name;
    }

    Charset charset() {
        return charset;
    }

    /**
     * Reads every line. Lines with errors are reported (the first {@value #MAX_REPORTED_ERRORS}) and not
     * handed on; an entry whose debits and credits differ is reported on its first line.
     */
    Pass read(InputErrors errors, Consumer<FecLine> handler) {
        ErrorBudget budget = new ErrorBudget(errors);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source.getInputStream(), charset), 1 << 16)) {
            String header = reader.readLine();
            int number = 1;
            while (header != null && header.isBlank()) {
                header = reader.readLine();
                number++;
            }
            if (header == null) {
                errors.add(SourcePosition.line(1), null, "the file is empty", null);
                return new Pass(0, 0);
            }
            FecColumns columns = FecColumns.of(header.replace("\uFEFF", ""), budget.errors());
            if (columns == null) {
                return new Pass(0, 0);
            }
            EntryBalance balance = new EntryBalance(budget);
            int lines = 0;
            String text;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                lines++;
                FecLine line = parse(number, text, columns, budget);
                if (line != null) {
                    balance.add(line);
                    handler.accept(line);
                }
            }
            balance.close();
            if (lines == 0) {
                errors.add(SourcePosition.line(number + 1), null, "the file has a header but no lines", null);
            }
            budget.close(number);
            return new Pass(lines, balance.entries());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the upload " + name, unreadable);
        }
    }

    private static FecLine parse(int number, String text, FecColumns columns, ErrorBudget budget) {
        List<String> values = FecColumns.split(text, columns.separator());
        // Some packages end every line with the separator.
        if (values.size() == columns.width() + 1 && values.get(values.size() - 1).isBlank()) {
            values = values.subList(0, columns.width());
        }
        if (values.size() != columns.width()) {
            budget.reject(number, null, "has " + values.size() + " fields but the header has " + columns.width()
                    + " columns", FecColumns.abbreviate(text));
            return null;
        }
        Fields fields = new Fields(number, columns, values, budget);
        String journal = fields.text("JournalCode", true, 20);
        String entry = fields.text("EcritureNum", true, 50);
        LocalDate entryDate = fields.date("EcritureDate", true);
        String account = fields.text("CompteNum", true, 40);
        String auxiliary = fields.text("CompAuxNum", false, 50);
        String auxiliaryName = fields.text("CompAuxLib", false, 200);
        String piece = fields.text("PieceRef", true, 50);
        LocalDate pieceDate = fields.date("PieceDate", true);
        String letter = fields.text("EcritureLet", false, 20);
        LocalDate letterDate = fields.date("DateLet", false);
        LocalDate validDate = fields.date("ValidDate", true);
        BigDecimal[] sides = fields.sides();
        BigDecimal foreignAmount = fields.amount("Montantdevise");
        String currency = fields.currency("Idevise");
        LocalDate dueDate = fields.date("DateEcheance", false);
        if (fields.failed) {
            return null;
        }
        return new FecLine(number, journal, columns.get(values, "JournalLib"), entry, entryDate, account,
                columns.get(values, "CompteLib"), auxiliary, auxiliaryName, piece, pieceDate,
                columns.get(values, "EcritureLib"), sides[0], sides[1], letter, letterDate, validDate,
                foreignAmount, currency, dueDate);
    }

    /** The values of one line, each checked as the specification writes it. */
    private static final class Fields {

        private final int number;
        private final FecColumns columns;
        private final List<String> values;
        private final ErrorBudget budget;
        private boolean failed;

        Fields(int number, FecColumns columns, List<String> values, ErrorBudget budget) {
            this.number = number;
            this.columns = columns;
            this.values = values;
            this.budget = budget;
        }

        private void reject(String column, String reason, String value) {
            failed = true;
            budget.reject(number, column, reason, value);
        }

        String text(String column, boolean required, int maxLength) {
            String value = columns.get(values, column);
            if (value.isEmpty() && required) {
                reject(column, "is empty", null);
            } else if (value.length() > maxLength) {
                reject(column, "is longer than " + maxLength + " characters", FecColumns.abbreviate(value));
            }
            return value;
        }

        LocalDate date(String column, boolean required) {
            String value = columns.get(values, column);
            if (value.isEmpty()) {
                if (required) {
                    reject(column, "is empty", null);
                }
                return null;
            }
            try {
                return LocalDate.parse(value, DATE);
            } catch (DateTimeParseException notADate) {
                reject(column, value.matches("\\d{8}") ? "is not a date that exists" : "is not a date written yyyyMMdd",
                        value);
                return null;
            }
        }

        BigDecimal amount(String column) {
            String value = columns.get(values, column);
            if (value.isEmpty()) {
                return BigDecimal.ZERO;
            }
            if (!AMOUNT.matcher(value).matches()) {
                reject(column, "is not an amount (digits, a decimal comma or point, no thousands separator)", value);
                return BigDecimal.ZERO;
            }
            BigDecimal amount = new BigDecimal(value.replace(',', '.'));
            if (amount.scale() > 2) {
                reject(column, "has more than two decimals", value);
                return BigDecimal.ZERO;
            }
            return amount;
        }

        /** Debit and credit, from Debit/Credit or Montant/Sens; a negative amount counts on the other side. */
        BigDecimal[] sides() {
            BigDecimal net;
            if (columns.has("Debit") && columns.has("Credit")) {
                BigDecimal debit = amount("Debit");
                BigDecimal credit = amount("Credit");
                if (debit.signum() > 0 && credit.signum() > 0) {
                    reject("Credit", "is set as well as Debit (" + debit.toPlainString() + "); a line has one side",
                            credit.toPlainString());
                }
                net = debit.subtract(credit);
            } else {
                BigDecimal amount = amount("Montant");
                String side = columns.get(values, "Sens").toUpperCase(java.util.Locale.ROOT);
                switch (side) {
                    case "D", "+1", "1" -> net = amount;
                    case "C", "-1" -> net = amount.negate();
                    default -> {
                        reject("Sens", "is neither D (debit) nor C (credit)", side);
                        net = BigDecimal.ZERO;
                    }
                }
            }
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return net.signum() >= 0 ? new BigDecimal[] {net.setScale(2), zero}
                    : new BigDecimal[] {zero, net.negate().setScale(2)};
        }

        String currency(String column) {
            String value = columns.get(values, column).toUpperCase(java.util.Locale.ROOT);
            if (value.isEmpty()) {
                return "";
            }
            try {
                return Currency.getInstance(value).getCurrencyCode();
            } catch (IllegalArgumentException unknown) {
                reject(column, "is not an ISO 4217 currency code", value);
                return "";
            }
        }
    }

    /** Checks that each entry, its lines read together, balances. */
    private static final class EntryBalance {

        private final ErrorBudget budget;
        private String key;
        private FecLine first;
        private BigDecimal debit = BigDecimal.ZERO;
        private BigDecimal credit = BigDecimal.ZERO;
        private int entries;

        EntryBalance(ErrorBudget budget) {
            this.budget = budget;
        }

        void add(FecLine line) {
            if (!line.entryKey().equals(key)) {
                close();
                key = line.entryKey();
                first = line;
                entries++;
            }
            debit = debit.add(line.debit());
            credit = credit.add(line.credit());
        }

        void close() {
            if (first != null && debit.compareTo(credit) != 0) {
                budget.reject(first.line(), "Debit, Credit", "entry " + first.journalCode() + " " + first.ecritureNum()
                        + " of " + first.ecritureDate() + " does not balance: debits " + debit.toPlainString()
                        + ", credits " + credit.toPlainString(), null);
            }
            first = null;
            debit = BigDecimal.ZERO;
            credit = BigDecimal.ZERO;
        }

        int entries() {
            return entries;
        }
    }

    /** Reports the first errors in full and counts the rest, so that a wrong file answers quickly and small. */
    private static final class ErrorBudget {

        private final InputErrors errors;
        private int count;
        private int firstUnreported;

        ErrorBudget(InputErrors errors) {
            this.errors = errors;
        }

        InputErrors errors() {
            return errors;
        }

        void reject(int line, String column, String reason, String value) {
            count++;
            if (count <= MAX_REPORTED_ERRORS) {
                errors.add(SourcePosition.line(line), column, reason, value);
            } else if (firstUnreported == 0) {
                firstUnreported = line;
            }
        }

        void close(int lastLine) {
            if (count > MAX_REPORTED_ERRORS) {
                errors.add(SourcePosition.line(firstUnreported), null, (count - MAX_REPORTED_ERRORS)
                        + " more errors from this line to line " + lastLine + " are not listed", null);
            }
        }
    }

    private static boolean isUtf8(InputStreamSource source) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new BufferedInputStream(source.getInputStream())) {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (var reader = new InputStreamReader(in, decoder)) {
                char[] chars = new char[buffer.length];
                while (reader.read(chars) >= 0) {
                    // decoding the whole stream is the check
                }
            }
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the upload", unreadable);
        }
    }
}
