package org.encaisse.communication;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts the delivery of a recorded communication as a process of its own, in the transaction that
 * recorded it: the sending job exists if and only if the record committed, and the engine's job
 * executor, retry cycle and incidents carry it from there, on whichever node picks it up.
 */
@Component
class DeliveryProcess {

    static final String PROCESS = "CommunicationDeliveryProcess";
    static final String COMMUNICATION_ID = "communicationId";

    private final RuntimeService runtime;

    DeliveryProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void start(Communication communication, String customerExternalId) {
        runtime.startProcessInstanceByKey(PROCESS, customerExternalId, Map.of(
                COMMUNICATION_ID, communication.getId(),
                "customerId", communication.getCustomerId(),
                "step", communication.getStep().name()));
    }
}
