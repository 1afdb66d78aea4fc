package org.encaisse.input;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;

/**
 * A CSV upload, read the way people actually produce them: plain CSV (comma, UTF-8) or what a
 * French spreadsheet exports (semicolon, UTF-8 with a byte-order mark, or Windows-1252).
 * Columns are matched to the expected field names ignoring case, spaces and accents.
 */
public final class CsvFile {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final ByteOrderMark[] BOMS = {ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE};

    /** One data line; {@code line} counts from the header, which is line 1. */
    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            return values.get(column);
        }

        public SourcePosition position() {
            return SourcePosition.line(line);
        }
    }

    private final String name;
    private final List<Row> rows;
    private final List<String> ignoredColumns;

    private CsvFile(String name, List<Row> rows, List<String> ignoredColumns) {
        this.name = name;
        this.rows = rows;
        this.ignoredColumns = ignoredColumns;
    }

    public String name() {
        return name;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Header columns that match no field, e.g. extra columns of an accounting export. */
    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /**
     * @param columns  the field names this file may carry
     * @param required the field names it must carry
     * @throws InvalidInputException when the file cannot be read as a table with those columns
     */
    public static CsvFile read(String name, byte[] content, Collection<String> columns, Collection<String> required) {
        return read(name, content, CsvColumns.of(List.copyOf(columns), List.copyOf(required)));
    }

    /**
     * @param columns the fields this file may carry, the names they go by, those it must carry, and a mapping
     * @throws InvalidInputException when the file cannot be read as a table with those columns, or when its
     *                               header leaves a doubt about which column is which field
     */
    public static CsvFile read(String name, byte[] content, CsvColumns columns) {
        InputErrors errors = new InputErrors();
        String text = decode(content);
        if (text.isBlank()) {
            errors.add(SourcePosition.line(1), null, "the file is empty", null);
            errors.throwIfAny(name);
        }
        char delimiter = delimiterOf(text);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord headerRecord = records.next();
            Map<Integer, String> fieldByIndex = new HashMap<>();
            List<String> ignored = new ArrayList<>();
            mapHeader(headerRecord, columns, fieldByIndex, ignored, errors);
            errors.throwIfAny(name);

            LineIndex lines = new LineIndex(text);
            List<Row> rows = new ArrayList<>();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException unreadable) {
                    int line = (int) parser.getCurrentLineNumber() + 1;
                    errors.add(SourcePosition.line(line), null, "cannot be read as CSV: " + rootMessage(unreadable), null);
                    break;
                }
                int line = lines.lineAt(record.getCharacterPosition());
                if (isBlank(record)) {
                    continue;
                }
                if (record.size() > headerRecord.size()) {
                    errors.add(SourcePosition.line(line), null, "has " + record.size()
                            + " values but the header has " + headerRecord.size() + " columns", null);
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                fieldByIndex.forEach((index, field) -> values.put(field, index < record.size() ? record.get(index) : null));
                rows.add(new Row(line, values));
            }
            if (rows.isEmpty() && errors.isEmpty()) {
                errors.add(SourcePosition.line(2), null, "the file has a header but no data lines", null);
            }
            errors.throwIfAny(name);
            return new CsvFile(name, rows, List.copyOf(ignored));
        } catch (IOException | UncheckedIOException | IllegalStateException unreadable) {
            errors.add(SourcePosition.line(1), null, "cannot be read as CSV: " + rootMessage(unreadable), null);
            errors.throwIfAny(name);
            throw new IllegalStateException("unreachable");
        }
    }

    private static void mapHeader(CSVRecord header, CsvColumns columns, Map<Integer, String> fieldByIndex,
                                  List<String> ignored, InputErrors errors) {
        Map<String, String> fieldByName = columns.fieldByName();
        Map<String, List<Integer>> columnsOfField = new LinkedHashMap<>();
        java.util.SortedSet<Integer> unread = new java.util.TreeSet<>();
        // A saved mapping says which column is which field first; the names people use decide the rest.
        Map<String, Integer> mapped = new HashMap<>();
        columns.mapping().forEach((field, title) -> {
            for (int index = 0; index < header.size(); index++) {
                if (Labelled.normalize(header.get(index)).equals(Labelled.normalize(title))) {
                    mapped.put(field, index);
                    return;
                }
            }
            errors.add(SourcePosition.line(1), field, "the mapping reads it from a column '" + title
                    + "' that the header does not have", String.join(" | ", header.toList()));
        });
        Map<Integer, String> mappedField = new HashMap<>();
        mapped.forEach((field, index) -> mappedField.put(index, field));
        for (int index = 0; index < header.size(); index++) {
            String title = header.get(index);
            String field = mappedField.get(index);
            if (field == null) {
                String named = fieldByName.get(Labelled.normalize(title));
                // A field the mapping reads from another column is not read from this one as well.
                field = mapped.containsKey(named) ? null : named;
            }
            if (field == null) {
                if (!title.isBlank()) {
                    unread.add(index);
                }
                continue;
            }
            columnsOfField.computeIfAbsent(field, f -> new ArrayList<>()).add(index);
        }
        columnsOfField.forEach((field, indexes) -> {
            // Encaisse's own field name says what the column is; the names exports use give way to it.
            List<Integer> own = indexes.stream()
                    .filter(index -> Labelled.normalize(header.get(index)).equals(Labelled.normalize(field))).toList();
            if (indexes.size() > 1 && own.size() == 1) {
                indexes.stream().filter(index -> !own.contains(index)).forEach(unread::add);
                fieldByIndex.put(own.get(0), field);
            } else if (indexes.size() > 1) {
                List<String> candidates = indexes.stream()
                        .map(index -> "'" + header.get(index) + "' (column " + (index + 1) + ")").toList();
                errors.add(SourcePosition.line(1), field, "could be read from " + String.join(" or ", candidates)
                        + "; keep one, or say which with a saved mapping (?mapping=<name>)",
                        String.join(" | ", indexes.stream().map(header::get).toList()));
            } else {
                fieldByIndex.put(indexes.get(0), field);
            }
        });
        unread.forEach(index -> ignored.add(header.get(index)));
        for (String field : columns.required()) {
            if (!columnsOfField.containsKey(field)) {
                List<String> names = columns.namesOf(field);
                errors.add(SourcePosition.line(1), field, "column is missing from the header"
                        + (names.size() > 1 ? " (read from a column named " + String.join(", ", names.stream()
                        .map(n -> "'" + n + "'").toList()) + ", or one a saved mapping names)" : ""), null);
            }
        }
    }

    /** Physical line of a character offset, so that errors name the line a spreadsheet shows. */
    private static final class LineIndex {
        private final int[] starts;
        private final String text;

        LineIndex(String text) {
            this.text = text;
            List<Integer> found = new ArrayList<>();
            found.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line of the first character at or after {@code offset} that is not blank: a record's first line. */
        int lineAt(long offset) {
            int at = (int) offset;
            while (at < text.length() - 1 && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            int index = java.util.Arrays.binarySearch(starts, at);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The delimiter used most in the header line: ';' from French spreadsheets, ',' otherwise, or a tab. */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static String decode(byte[] content) {
        for (ByteOrderMark bom : BOMS) {
            if (startsWith(content, bom.getBytes())) {
                int length = bom.length();
                return new String(content, length, content.length - length, Charset.forName(bom.getCharsetName()));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // Excel's "CSV (séparateur: point-virgule)" on Windows writes Windows-1252.
            return new String(content, WINDOWS_1252);
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
