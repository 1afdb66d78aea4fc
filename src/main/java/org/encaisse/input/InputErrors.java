package org.encaisse.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error of a batch so that the caller learns all of them in one answer. */
public class InputErrors {

    private static final Comparator<InputError> BY_POSITION = Comparator
            .comparing((InputError e) -> e.line() != null ? e.line() : e.item(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private final List<InputError> errors = new ArrayList<>();

    public void add(SourcePosition position, String field, String reason, String value) {
        errors.add(InputError.of(position, field, reason, value));
    }

    public void add(InputError error) {
        errors.add(error);
    }

    public boolean hasErrorsAt(SourcePosition position) {
        Integer number = position.number();
        return errors.stream().anyMatch(e -> number.equals(position.isLine() ? e.line() : e.item()));
    }

    public void forEach(java.util.function.Consumer<InputError> action) {
        errors.forEach(action);
    }

    public int size() {
        return errors.size();
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws when anything was collected; {@code what} names the input, e.g. "invoices.csv". */
    public void throwIfAny(String what) {
        if (errors.isEmpty()) {
            return;
        }
        List<InputError> sorted = errors.stream().sorted(BY_POSITION).toList();
        String summary = "%d error%s in %s; nothing was imported."
                .formatted(sorted.size(), sorted.size() == 1 ? "" : "s", what);
        throw new InvalidInputException(summary, sorted);
    }
}
