package org.encaisse.collection;

import org.camunda.bpm.engine.ProcessEngineException;

/** Task input missing what the next step needs: the task stays open and Tasklist shows why. */
public class RejectedTaskInputException extends ProcessEngineException {

    public RejectedTaskInputException(String message) {
        super(message);
    }
}
