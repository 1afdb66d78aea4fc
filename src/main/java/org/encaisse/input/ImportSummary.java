package org.encaisse.input;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an accepted batch changed. {@code dueBeyondLegalTerms} names the invoices the batch created or changed with a
 * due date later than the law allows (Code de commerce L441-10), which the credit manager should look at.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImportSummary(int received, int created, int updated, int unchanged, List<String> ignoredColumns,
                            List<String> dueBeyondLegalTerms) {

    public ImportSummary(int received, int created, int updated, int unchanged) {
        this(received, created, updated, unchanged, List.of(), List.of());
    }

    public ImportSummary withIgnoredColumns(List<String> columns) {
        return new ImportSummary(received, created, updated, unchanged, columns, dueBeyondLegalTerms);
    }

    public ImportSummary withDueBeyondLegalTerms(List<String> numbers) {
        return new ImportSummary(received, created, updated, unchanged, ignoredColumns, numbers);
    }
}
