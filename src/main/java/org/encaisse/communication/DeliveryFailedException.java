package org.encaisse.communication;

/**
 * A communication could not go out this time (SMTP down, no address, another sender busy with it).
 * Thrown out of the delivery job so that the engine retries it on its cycle and ends in an incident
 * an operator sees and retries in Cockpit.
 */
public class DeliveryFailedException extends RuntimeException {

    DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
