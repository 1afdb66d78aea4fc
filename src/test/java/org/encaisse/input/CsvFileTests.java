package org.encaisse.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvFileTests {

    private static final List<String> COLUMNS = List.of("number", "name", "amount");
    private static final List<String> REQUIRED = List.of("number", "amount");

    @Test
    void readsPlainCsv() {
        CsvFile file = read("number,name,amount\nA1,Dupont,12.50\nA2,\"Durand, fils\",3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(file.rows()).extracting(CsvFile.Row::line).containsExactly(2, 3);
        assertThat(file.rows().get(1).get("name")).isEqualTo("Durand, fils");
    }

    @Test
    void readsWhatFrenchExcelExportsInWindows1252() {
        byte[] content = "Numéro;number;Name;AMOUNT\r\nx;A1;Société Générale;1 234,50\r\n"
                .getBytes(Charset.forName("windows-1252"));
        CsvFile file = read(content);
        assertThat(file.rows().get(0).get("name")).isEqualTo("Société Générale");
        assertThat(file.rows().get(0).get("amount")).isEqualTo("1 234,50");
        assertThat(file.ignoredColumns()).containsExactly("Numéro");
    }

    @Test
    void readsUtf8WithByteOrderMark() {
        byte[] text = "number;name;amount\nA1;Crème brûlée SARL;5\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[text.length + 3];
        content[0] = (byte) 0xEF;
        content[1] = (byte) 0xBB;
        content[2] = (byte) 0xBF;
        System.arraycopy(text, 0, content, 3, text.length);
        CsvFile file = read(content);
        assertThat(file.rows().get(0).get("number")).isEqualTo("A1");
        assertThat(file.rows().get(0).get("name")).isEqualTo("Crème brûlée SARL");
    }

    @Test
    void skipsBlankLinesButCountsThem() {
        CsvFile file = read("number;amount\nA1;1\n;\n\nA2;2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(file.rows()).extracting(CsvFile.Row::line).containsExactly(2, 5);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThat(errorsOf("  \n".getBytes(StandardCharsets.UTF_8))).extracting(InputError::reason)
                .containsExactly("the file is empty");
    }

    @Test
    void rejectsAHeaderWithoutItsRequiredColumns() {
        assertThat(errorsOf("name;montant\nDupont;5\n".getBytes(StandardCharsets.UTF_8)))
                .extracting(InputError::line, InputError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "number"),
                        org.assertj.core.groups.Tuple.tuple(1, "amount"));
    }

    @Test
    void rejectsAHeaderWithoutData() {
        assertThat(errorsOf("number;amount\n".getBytes(StandardCharsets.UTF_8))).extracting(InputError::reason)
                .containsExactly("the file has a header but no data lines");
    }

    @Test
    void rejectsLinesWithMoreValuesThanColumns() {
        assertThat(errorsOf("number;amount\nA1;1;extra\n".getBytes(StandardCharsets.UTF_8)))
                .extracting(InputError::line).containsExactly(2);
    }

    @Test
    void rejectsAnUnclosedQuote() {
        assertThat(errorsOf("number,amount\nA1,1\n\"A2,2\n".getBytes(StandardCharsets.UTF_8)))
                .extracting(InputError::reason).allMatch(reason -> reason.startsWith("cannot be read as CSV"));
    }

    private static CsvFile read(byte[] content) {
        return CsvFile.read("test.csv", content, COLUMNS, REQUIRED);
    }

    private static List<InputError> errorsOf(byte[] content) {
        InvalidInputException rejected = catchThrowableOfType(InvalidInputException.class, () -> read(content));
        assertThat(rejected).as("the file is rejected").isNotNull();
        return rejected.errors();
    }
}
