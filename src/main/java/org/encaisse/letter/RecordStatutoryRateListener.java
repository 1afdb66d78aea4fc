package org.encaisse.letter;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.access.TaskActor;
import org.springframework.stereotype.Component;

/** On completing Task_EnterStatutoryRate: the rate is recorded, and the letters held for it go out on their next try. */
@Component
class RecordStatutoryRateListener implements TaskListener {

    private final StatutoryRates rates;
    private final TaskActor actor;

    RecordStatutoryRateListener(StatutoryRates rates, TaskActor actor) {
        this.rates = rates;
        this.actor = actor;
    }

    @Override
    public void notify(DelegateTask task) {
        Object entered = task.getVariable("ratePercent");
        BigDecimal percent;
        try {
            percent = entered == null ? null : new BigDecimal(entered.toString());
        } catch (NumberFormatException unreadable) {
            percent = null;
        }
        Object source = task.getVariable("rateSource");
        try {
            // A task completed by the engine API with no one logged in still names its origin.
            rates.record(LocalDate.parse((String) task.getVariable("halfYearStart")), percent,
                    java.util.Objects.requireNonNullElse(actor.of(task), "engine-api"),
                    source == null || source.toString().isBlank() ? "Tasklist" : source.toString().strip());
        } catch (IllegalArgumentException refused) {
            throw new ProcessEngineException("Taux refusé / Rate refused: " + refused.getMessage());
        }
    }
}
