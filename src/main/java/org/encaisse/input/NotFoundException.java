package org.encaisse.input;

/** A resource named in the request path does not exist. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
