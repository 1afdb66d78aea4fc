package org.encaisse.input;

/** The request contradicts what is already recorded. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
