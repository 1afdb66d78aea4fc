package org.encaisse.collection;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/** On completing Task_ReviewPromise: accepted into the case, or rejected with the reason. */
@Component
class RecordPromiseReviewListener implements TaskListener {

    private final CustomerAnswers answers;
    private final TaskActor actor;

    RecordPromiseReviewListener(CustomerAnswers answers, TaskActor actor) {
        this.answers = answers;
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable("promiseDecision");
        Object comment = task.getVariable("reviewComment");
        if (!"ACCEPT".equals(decision) && !"REJECT".equals(decision)) {
            throw new RejectedTaskInputException("Acceptez ou refusez la promesse. / Accept or reject the promise.");
        }
        if ("REJECT".equals(decision) && (comment == null || comment.toString().isBlank())) {
            throw new RejectedTaskInputException("Dites pourquoi vous refusez. / Say why you reject it.");
        }
        answers.reviewed(((Number) task.getVariable(CaseVariables.CUSTOMER_ID)).longValue(),
                LocalDate.parse((String) task.getVariable("proposedDate")),
                BigDecimal.valueOf(((Number) task.getVariable("proposedAmountValue")).doubleValue()).setScale(2,
                        java.math.RoundingMode.HALF_UP),
                (String) task.getVariable("proposedCurrency"), "ACCEPT".equals(decision),
                comment == null ? null : comment.toString().strip(), actor.of(task));
    }
}
