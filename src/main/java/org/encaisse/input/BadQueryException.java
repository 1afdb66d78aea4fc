package org.encaisse.input;

/** A query parameter that cannot be read: answered 400, naming the parameter and its value. */
public class BadQueryException extends RuntimeException {

    public BadQueryException(String parameter, String value, String expected) {
        super("Query parameter '" + parameter + "' = '" + value + "': " + expected + ".");
    }
}
