package org.encaisse.dispute;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A resolution that cannot apply to the invoice as it stands. Thrown while the task completes, it
 * keeps the task open and Tasklist shows the message to the person who entered it.
 */
public class InvalidResolutionException extends ProcessEngineException {

    public InvalidResolutionException(String message) {
        super(message);
    }
}
