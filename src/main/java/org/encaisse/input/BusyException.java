package org.encaisse.input;

/**
 * The request lost every retry to concurrent work on the same records (a lock held by a letter
 * being sent, say): nothing was recorded and the same request can be sent again as it is.
 */
public class BusyException extends RuntimeException {

    public BusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
