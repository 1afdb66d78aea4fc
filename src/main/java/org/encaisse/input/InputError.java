package org.encaisse.input;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with the input. {@code line} is the line of a CSV file (the header is line 1);
 * {@code item} is the 1-based position of a record in a JSON array. Exactly one of them is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputError(Integer line, Integer item, String field, String reason, String value) {

    public static InputError of(SourcePosition position, String field, String reason, String value) {
        return position.isLine()
                ? new InputError(position.number(), null, field, reason, value)
                : new InputError(null, position.number(), field, reason, value);
    }
}
