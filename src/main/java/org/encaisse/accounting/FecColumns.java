package org.encaisse.accounting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.encaisse.input.InputErrors;
import org.encaisse.input.Labelled;
import org.encaisse.input.SourcePosition;

/**
 * The header of a FEC: where each column of the specification (arrêté du 29 juillet 2013, article
 * A47 A-1 of the Livre des procédures fiscales) sits. Names are matched ignoring case and
 * punctuation, as packages write "MontantDevise" or "Montantdevise". Amounts come as Debit and Credit
 * or, as the specification also allows, as Montant and Sens. Montantdevise and Idevise are read when
 * present; some packages leave them out.
 */
final class FecColumns {

    static final List<String> IDENTIFYING = List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate",
            "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib",
            "EcritureLet", "DateLet", "ValidDate");
    static final List<String> CURRENCY = List.of("Montantdevise", "Idevise");
    /** Not in the specification; added by some packages and used when there. */
    static final List<String> DUE_DATE = List.of("DateEcheance", "EcheanceDate", "DateEch", "Echeance");

    private final Map<String, Integer> indexByColumn;
    private final int width;
    private final char separator;

    private FecColumns(Map<String, Integer> indexByColumn, int width, char separator) {
        this.indexByColumn = indexByColumn;
        this.width = width;
        this.separator = separator;
    }

    /** Reads the header line; every missing or doubled column is reported on line 1. */
    static FecColumns of(String header, InputErrors errors) {
        char separator = header.indexOf('\t') >= 0 ? '\t' : header.indexOf('|') >= 0 ? '|' : 0;
        if (separator == 0) {
            errors.add(SourcePosition.line(1), null, "is not a FEC header: the columns JournalCode to Idevise "
                    + "must be separated by tabs or by '|'", abbreviate(header));
            return null;
        }
        List<String> titles = split(header, separator);
        Map<String, String> columnByKey = new HashMap<>();
        List<String> known = new ArrayList<>(IDENTIFYING);
        known.addAll(List.of("Debit", "Credit", "Montant", "Sens"));
        known.addAll(CURRENCY);
        known.forEach(column -> columnByKey.put(Labelled.normalize(column), column));
        DUE_DATE.forEach(column -> columnByKey.put(Labelled.normalize(column), "DateEcheance"));
        Map<String, Integer> indexByColumn = new HashMap<>();
        for (int index = 0; index < titles.size(); index++) {
            String column = columnByKey.get(Labelled.normalize(titles.get(index)));
            if (column == null) {
                continue;
            }
            Integer earlier = indexByColumn.putIfAbsent(column, index);
            if (earlier != null) {
                errors.add(SourcePosition.line(1), column, "column appears twice (columns " + (earlier + 1) + " and "
                        + (index + 1) + ")", titles.get(index));
            }
        }
        List<String> missing = new ArrayList<>(IDENTIFYING.stream().filter(c -> !indexByColumn.containsKey(c)).toList());
        boolean debitCredit = indexByColumn.containsKey("Debit") && indexByColumn.containsKey("Credit");
        boolean amountSide = indexByColumn.containsKey("Montant") && indexByColumn.containsKey("Sens");
        if (!debitCredit && !amountSide) {
            missing.addAll(List.of("Debit", "Credit"));
        }
        if (!missing.isEmpty()) {
            errors.add(SourcePosition.line(1), String.join(", ", missing), (missing.size() == 1 ? "column is" : "columns are")
                    + " missing from the header (a FEC has the 18 columns JournalCode, JournalLib, EcritureNum, "
                    + "EcritureDate, CompteNum, CompteLib, CompAuxNum, CompAuxLib, PieceRef, PieceDate, EcritureLib, "
                    + "Debit, Credit, EcritureLet, DateLet, ValidDate, Montantdevise, Idevise)", abbreviate(header));
            return null;
        }
        return new FecColumns(Map.copyOf(indexByColumn), titles.size(), separator);
    }

    char separator() {
        return separator;
    }

    int width() {
        return width;
    }

    boolean has(String column) {
        return indexByColumn.containsKey(column);
    }

    /** The value of a column on a line split by {@link #split}, stripped; empty when the column is absent. */
    String get(List<String> values, String column) {
        Integer index = indexByColumn.get(column);
        return index == null || index >= values.size() ? "" : values.get(index).strip();
    }

    /** Splits on the separator, keeping empty fields; FEC fields are never quoted. */
    static List<String> split(String line, char separator) {
        List<String> values = new ArrayList<>(20);
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == separator) {
                values.add(line.substring(start, i));
                start = i + 1;
            }
        }
        values.add(line.substring(start));
        return values;
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
