package org.encaisse.collection;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.encaisse.audit.AuditTrail;
import org.encaisse.input.ConflictException;
import org.encaisse.input.InvalidInputException;
import org.encaisse.invoice.DebtAcknowledgments;
import org.springframework.stereotype.Component;

/**
 * On completing Task_SecureClaimBeforeLimitation: a written acknowledgment restarts the invoice's clock as if a
 * collector had entered it; a court claim or letting the claim expire is the manager's decision, kept in the
 * audit trail with its reason.
 */
@Component
class RecordClaimSecuredListener implements TaskListener {

    private final DebtAcknowledgments acknowledgments;
    private final AuditTrail audit;
    private final TaskActor actor;

    RecordClaimSecuredListener(DebtAcknowledgments acknowledgments, AuditTrail audit, TaskActor actor) {
        this.acknowledgments = acknowledgments;
        this.audit = audit;
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        String invoice = (String) task.getVariable(LimitationWatch.INVOICE);
        Object securedBy = task.getVariable("claimSecuredBy");
        String comment = (String) task.getVariable("limitationComment");
        if (securedBy == null || comment == null || comment.isBlank()) {
            throw new RejectedTaskInputException("Indiquez la mesure prise et la pièce ou le motif. "
                    + "/ Say what was done, with the evidence or the reason.");
        }
        String who = java.util.Objects.requireNonNullElse(actor.of(task), "engine-api");
        switch (securedBy.toString()) {
            case "ACKNOWLEDGMENT" -> acknowledge(task, invoice, comment, who);
            case "COURT_CLAIM", "LET_EXPIRE" -> audit.append(who, "LIMITATION_" + securedBy, customerId(task),
                    "claim expiring on " + task.getVariable(LimitationWatch.LIMITATION_DATE), List.of(invoice), comment);
            default -> throw new RejectedTaskInputException("Mesure inconnue / Unknown choice: " + securedBy);
        }
    }

    private void acknowledge(DelegateTask task, String invoice, String comment, String who) {
        Object day = task.getVariable("acknowledgedOn");
        if (day == null) {
            throw new RejectedTaskInputException("Donnez la date de la reconnaissance de dette. "
                    + "/ Give the date of the acknowledgment.");
        }
        try {
            acknowledgments.record(invoice, new DebtAcknowledgments.Request(day.toString().substring(0,
                    Math.min(10, day.toString().length())), comment), who);
        } catch (InvalidInputException | ConflictException e) {
            throw new RejectedTaskInputException(e.getMessage());
        }
    }

    private static Long customerId(DelegateTask task) {
        return ((Number) task.getVariable(CaseVariables.CUSTOMER_ID)).longValue();
    }
}
