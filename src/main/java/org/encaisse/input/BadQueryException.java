package org.encaisse.input;

/** A request parameter (in the query or the body) that cannot be used: answered 400, naming it and its value. */
public class BadQueryException extends RuntimeException {

    public BadQueryException(String parameter, String value, String expected) {
        super("Parameter '" + parameter + "' = '" + value + "': " + expected + ".");
    }
}
