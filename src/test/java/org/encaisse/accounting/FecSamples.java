package org.encaisse.accounting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.encaisse.support.Api;

/**
 * The FEC samples of src/test/resources/accounting/fec, as a test run imports them: each run gives their
 * journals, customers and pieces a prefix of its own, so that runs sharing a database (the MariaDB suite)
 * never see each other's lines as already imported. Everything else, encoding and layout included, is the
 * file as written.
 */
final class FecSamples {

    static final String NOVEMBER = "512345679FEC20261130.txt";
    static final String DECEMBER = "512345679FEC20261205.txt";
    static final String PIPE_UTF8 = "830456782FEC20261130.txt";

    private static final int JOURNAL = 0;
    private static final int CUSTOMER = 6;
    private static final int PIECE = 8;

    private FecSamples() {
    }

    /** A prefix for one test's imports; short, for PieceRef and JournalCode have short limits. */
    static String run() {
        return Api.unique("R").replace("-", "");
    }

    static byte[] of(String name, String run) {
        byte[] raw = raw(name);
        boolean bom = raw.length > 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB && (raw[2] & 0xff) == 0xBF;
        Charset charset = bom ? StandardCharsets.UTF_8 : Charset.forName("ISO-8859-15");
        String text = new String(raw, charset);
        char separator = text.lines().findFirst().orElseThrow().indexOf('\t') >= 0 ? '\t' : '|';
        List<String> lines = new ArrayList<>();
        boolean header = true;
        for (String line : text.split("\r\n", -1)) {
            if (header || line.isEmpty()) {
                lines.add(line);
                header = false;
                continue;
            }
            String[] fields = line.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
            fields[JOURNAL] = run + fields[JOURNAL];
            if (!fields[CUSTOMER].isEmpty()) {
                fields[CUSTOMER] = run + fields[CUSTOMER];
            }
            fields[PIECE] = run + fields[PIECE];
            lines.add(String.join(String.valueOf(separator), fields));
        }
        return String.join("\r\n", lines).getBytes(charset);
    }

    static byte[] raw(String name) {
        try (InputStream in = FecSamples.class.getResourceAsStream("/accounting/fec/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
