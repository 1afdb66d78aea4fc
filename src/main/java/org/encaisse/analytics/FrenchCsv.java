package org.encaisse.analytics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that a French spreadsheet opens as columns of numbers: semicolons, decimal commas, no
 * thousands separator, UTF-8 with a byte-order mark so accents survive a double-click.
 */
final class FrenchCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private FrenchCsv() {
    }

    static byte[] of(List<String> header, List<List<Object>> rows) {
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
                .setHeader(header.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(FrenchCsv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(body, 0, file, BOM.length, body.length);
        return file;
    }

    private static Object cell(Object value) {
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString().replace('.', ',');
        }
        if (value instanceof java.time.LocalDate day) {
            return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
        }
        return value == null ? "" : value;
    }
}
