package org.encaisse.input;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What an accepted batch changed. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImportSummary(int received, int created, int updated, int unchanged, List<String> ignoredColumns) {

    public ImportSummary withIgnoredColumns(List<String> columns) {
        return new ImportSummary(received, created, updated, unchanged, columns);
    }
}
