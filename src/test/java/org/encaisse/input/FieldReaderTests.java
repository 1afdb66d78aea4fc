package org.encaisse.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldReaderTests {

    private final InputErrors errors = new InputErrors();
    private final FieldReader fields = new FieldReader(errors, SourcePosition.line(7));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234.56|1234.56",
            "1234,56|1234.56",
            "1 234,56|1234.56",
            "1\u00A0234,56|1234.56",
            "1\u202F234\u202F567,8|1234567.8",
            "1,234.56|1234.56",
            "1.234,56|1234.56",
            "12 000|12000",
            "1 234,56 €|1234.56",
            "-15,5|-15.5"})
    void readsNumbersAsPlainCsvOrFrenchSpreadsheetsWriteThem(String text, String expected) {
        assertThat(fields.number("amount", text, true)).isEqualByComparingTo(expected);
        assertThat(errors.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12,34,5", "1.234.5", "1,234,56", "12e3", "--5", "1 2 3,4.5"})
    void rejectsWhatIsNotANumber(String text) {
        assertThat(fields.number("amount", text, true)).isNull();
        assertThat(errors.isEmpty()).isFalse();
    }

    @Test
    void rejectsNegativeZeroAndOverPreciseAmounts() {
        Currency eur = Currency.getInstance("EUR");
        assertThat(fields.amount("amount", "-10", eur, true)).isNull();
        assertThat(fields.amount("amount", "0", eur, true)).isNull();
        assertThat(fields.amount("amount", "1,234", eur, true)).isNull();
        assertThat(fields.amount("amount", "10.50", eur, true)).isEqualTo(new BigDecimal("10.50"));
        assertThat(fields.amount("amount", "1500", Currency.getInstance("JPY"), true)).isEqualByComparingTo("1500");
        assertThat(fields.amount("amount", "15.5", Currency.getInstance("JPY"), true)).isNull();
        assertRejected(4);
    }

    @Test
    void readsIsoAndFrenchDates() {
        assertThat(fields.date("dueDate", "2026-03-31", true)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(fields.date("dueDate", "31/03/2026", true)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(fields.date("dueDate", "1/3/2026", true)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(errors.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "31/02/2026", "03/31/2026", "2026/03/31", "31.03.2026", "demain", "31/03/26"})
    void rejectsImpossibleOrAmbiguousDates(String text) {
        assertThat(fields.date("dueDate", text, true)).isNull();
        assertThat(errors.isEmpty()).isFalse();
    }

    @Test
    void defaultsCurrencyToEuroAndRejectsUnknownCodes() {
        assertThat(fields.currency("currency", "")).isEqualTo(Currency.getInstance("EUR"));
        assertThat(fields.currency("currency", "usd")).isEqualTo(Currency.getInstance("USD"));
        assertThat(fields.currency("currency", "EUX")).isNull();
        assertThat(fields.currency("currency", "EURO")).isNull();
        assertThat(fields.currency("currency", "KWD")).isNull();
        assertRejected(3);
    }

    @Test
    void reportsWhereAndWhatForEachError() {
        fields.text("name", "  ", true, 10);
        fields.date("issueDate", "32/01/2026", true);
        assertThat(collected()).extracting(InputError::line, InputError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, "name"),
                        org.assertj.core.groups.Tuple.tuple(7, "issueDate"));
        assertThat(collected().get(1).reason()).contains("dd/MM/yyyy");
        assertThat(collected().get(1).value()).isEqualTo("32/01/2026");
    }

    private void assertRejected(int count) {
        assertThat(collected()).hasSize(count);
    }

    private java.util.List<InputError> collected() {
        java.util.List<InputError> all = new java.util.ArrayList<>();
        errors.forEach(all::add);
        return all;
    }
}
