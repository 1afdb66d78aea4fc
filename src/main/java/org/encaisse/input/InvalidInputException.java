package org.encaisse.input;

import java.util.List;

/** Input rejected as a whole; nothing of it was stored. */
public class InvalidInputException extends RuntimeException {

    private final List<InputError> errors;

    public InvalidInputException(String summary, List<InputError> errors) {
        super(summary);
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
