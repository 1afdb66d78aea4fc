package org.encaisse.bank;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.encaisse.input.InputErrors;
import org.encaisse.input.SourcePosition;

/**
 * Reads a CFONB 120 statement ("relevé de compte sur support informatique", Comité français d'organisation et
 * de normalisation bancaires): records of 120 characters, one per line or run together, 01 opening a statement
 * with the old balance, 04 a movement, 05 a movement's complement (payer's name, reference, further label),
 * 07 closing it with the new balance. Amounts carry their sign and last digit in one character ({ A-I for
 * credits, } J-R for debits) and as many decimals as the record says.
 */
final class Cfonb120File {

    static final int RECORD = 120;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMuu").withResolverStyle(ResolverStyle.STRICT);
    private static final String CREDIT_DIGITS = "{ABCDEFGHI";
    private static final String DEBIT_DIGITS = "}JKLMNOPQR";

    private final InputErrors errors;
    private final List<BankStatement> statements = new ArrayList<>();

    private Cfonb120File(InputErrors errors) {
        this.errors = errors;
    }

    static Cfonb120File read(byte[] content, InputErrors errors) {
        Cfonb120File file = new Cfonb120File(errors);
        file.parse(new String(content, StandardCharsets.ISO_8859_1));
        return file;
    }

    List<BankStatement> statements() {
        return statements;
    }

    private void parse(String text) {
        List<String> records = records(text);
        Open statement = null;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int line = i + 1;
            String record = records.get(i);
            if (record.isBlank()) {
                continue;
            }
            if (record.length() > RECORD) {
                reject(line, "record", "is " + record.length() + " characters long; CFONB 120 records are 120", null);
                continue;
            }
            // Some banks trim the trailing spaces of the reference zone: what is missing is blank.
            record = String.format("%-" + RECORD + "s", record);
            String code = record.substring(0, 2);
            switch (code) {
                case "01" -> {
                    if (statement != null) {
                        reject(line, "01", "opens a statement while the one opened on line " + statement.line
                                + " has no closing record 07", null);
                    }
                    statement = open(record, line);
                }
                case "04" -> {
                    if (statement == null) {
                        reject(line, "04", "is a movement outside a statement (no record 01 before it)", null);
                    } else {
                        movement(statement, record, line, seen);
                    }
                }
                case "05" -> {
                    if (statement == null || statement.last == null) {
                        reject(line, "05", "is a complement with no movement (record 04) before it", null);
                    } else {
                        complement(statement.last, record);
                    }
                }
                case "07" -> {
                    if (statement == null) {
                        reject(line, "07", "closes a statement that was never opened (no record 01 before it)", null);
                    } else {
                        close(statement, record, line);
                        statement = null;
                    }
                }
                default -> reject(line, "record code", "is '" + code + "'; a CFONB 120 record is 01, 04, 05 or 07",
                        code);
            }
        }
        if (statement != null) {
            reject(statement.line, "01", "opens a statement that no record 07 closes", null);
        }
    }

    private static List<String> records(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
            return List.of(body.split("\r\n|\n|\r", -1));
        }
        List<String> records = new ArrayList<>();
        for (int start = 0; start < body.length(); start += RECORD) {
            records.add(body.substring(start, Math.min(body.length(), start + RECORD)));
        }
        return records;
    }

    /** A statement being read, and the movement its next complements belong to. */
    private static final class Open {
        final int line;
        final String account;
        final String currency;
        final int decimals;
        final LocalDate from;
        final List<Movement> movements = new ArrayList<>();
        Movement last;

        Open(int line, String account, String currency, int decimals, LocalDate from) {
            this.line = line;
            this.account = account;
            this.currency = currency;
            this.decimals = decimals;
            this.from = from;
        }
    }

    /** A movement and what its complements add. */
    private static final class Movement {
        final int line;
        final String reference;
        final LocalDate bookingDate;
        final LocalDate valueDate;
        final BigDecimal amount;
        final boolean credit;
        final List<String> references = new ArrayList<>();
        String payer;

        Movement(int line, String reference, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount,
                 boolean credit) {
            this.line = line;
            this.reference = reference;
            this.bookingDate = bookingDate;
            this.valueDate = valueDate;
            this.amount = amount;
            this.credit = credit;
        }
    }

    private Open open(String record, int line) {
        String currency = currency(record, line);
        Integer decimals = decimals(record, line, currency);
        LocalDate from = date(record, 35, line, "date of the old balance", true);
        return new Open(line, account(record), currency, decimals == null ? 2 : decimals, from);
    }

    private void movement(Open statement, String record, int line, Map<String, Integer> seen) {
        int before = errors.size();
        if (!account(record).equals(statement.account)) {
            reject(line, "account (positions 3-32)", "is " + account(record) + " while the statement opened on line "
                    + statement.line + " is of " + statement.account, account(record));
        }
        String currency = record.substring(16, 19);
        if (!currency.equals(statement.currency)) {
            reject(line, "currency (positions 17-19)", "is " + currency + " while the statement's account is in "
                    + statement.currency, currency);
        }
        LocalDate booked = date(record, 35, line, "booking date", true);
        LocalDate value = date(record, 43, line, "value date", false);
        Signed amount = amount(record, line, statement.decimals);
        if (errors.size() == before) {
            StatementAmount checked = StatementAmount.of(amount.value, Currency.getInstance(statement.currency));
            if (checked.problem() != null) {
                reject(line, "amount (positions 91-104)", checked.problem(), record.substring(90, 104));
            } else {
                amount = new Signed(checked.value(), amount.credit);
            }
        }
        if (errors.size() > before) {
            statement.last = null;
            return;
        }
        String number = record.substring(81, 88).strip();
        String zone = record.substring(104, 120).strip();
        String label = record.substring(48, 79).strip();
        String key = statement.account + "/" + record.substring(34, 40) + "/"
                + (!number.isEmpty() ? number : !zone.isEmpty() ? zone : label + "/" + amount.value.toPlainString());
        // Two movements the bank left without number or reference, same day, label and amount: told apart by rank.
        int rank = seen.merge(key, 1, Integer::sum);
        String reference = "CFONB/" + key + (rank > 1 ? "#" + rank : "");
        Movement movement = new Movement(line, reference.length() <= 100 ? reference : reference.substring(0, 100),
                booked, value, amount.value, amount.credit);
        addReference(movement, label);
        addReference(movement, zone);
        statement.movements.add(movement);
        statement.last = movement;
    }

    private static void complement(Movement movement, String record) {
        String qualifier = record.substring(45, 48);
        String information = record.substring(48, 118).strip();
        if (qualifier.equals("NPY") || qualifier.equals("NPO")) {
            movement.payer = movement.payer == null ? information : movement.payer;
        } else {
            addReference(movement, information);
        }
    }

    private static void addReference(Movement movement, String text) {
        if (text != null && !text.isBlank() && !movement.references.contains(text)) {
            movement.references.add(text);
        }
    }

    private void close(Open statement, String record, int line) {
        if (!account(record).equals(statement.account)) {
            reject(line, "account (positions 3-32)", "closes " + account(record) + " while the statement opened on line "
                    + statement.line + " is of " + statement.account, account(record));
        }
        LocalDate to = date(record, 35, line, "date of the new balance", true);
        String id = statement.account + "/" + (statement.from == null ? "" : statement.from) + "/" + (to == null ? "" : to);
        List<StatementEntry> entries = statement.movements.stream().map(movement -> new StatementEntry(movement.line,
                "line " + movement.line, statement.account, id, movement.reference, movement.bookingDate,
                movement.valueDate, movement.amount, statement.currency, movement.credit, true, false, movement.payer,
                null, List.copyOf(movement.references))).toList();
        statements.add(new BankStatement(id, statement.account, statement.currency, entries));
    }

    /** Bank, branch and account number: the RIB without its key, as the IBAN holds it after "FRkk". */
    private static String account(String record) {
        return record.substring(2, 7) + record.substring(11, 16) + record.substring(21, 32);
    }

    private String currency(String record, int line) {
        String code = record.substring(16, 19);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            reject(line, "currency (positions 17-19)", "is not an ISO 4217 currency", code);
        }
        return code;
    }

    private Integer decimals(String record, int line, String currency) {
        char digit = record.charAt(19);
        if (digit < '0' || digit > '3') {
            reject(line, "number of decimals (position 20)", "is not 0 to 3", String.valueOf(digit));
            return null;
        }
        return digit - '0';
    }

    private record Signed(BigDecimal value, boolean credit) {
    }

    private Signed amount(String record, int line, int decimals) {
        String field = record.substring(90, 104);
        String digits = field.substring(0, 13);
        char last = field.charAt(13);
        int credit = CREDIT_DIGITS.indexOf(last);
        int debit = DEBIT_DIGITS.indexOf(last);
        if (!digits.chars().allMatch(Character::isDigit) || (credit < 0 && debit < 0)) {
            reject(line, "amount (positions 91-104)", "is not a CFONB amount (13 digits, then the last digit and the "
                    + "sign in one character: { or A-I for a credit, } or J-R for a debit)", field);
            return new Signed(BigDecimal.ZERO, true);
        }
        BigDecimal value = new BigDecimal(digits + (credit >= 0 ? credit : debit)).movePointLeft(decimals);
        return new Signed(value, credit >= 0);
    }

    private LocalDate date(String record, int start, int line, String what, boolean required) {
        String text = record.substring(start - 1, start + 5);
        if (text.isBlank() && !required) {
            return null;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException notADate) {
            reject(line, what + " (positions " + start + "-" + (start + 5) + ")", "is not a date that exists (DDMMYY)",
                    text);
            return null;
        }
    }

    private void reject(int line, String field, String reason, String value) {
        if (errors.size() <= 1000) {
            errors.add(SourcePosition.line(line), field, reason, value);
        }
    }
}
