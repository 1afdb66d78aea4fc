package org.encaisse.court;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.encaisse.collection.RejectedTaskInputException;

/** What a manager entered in a court task's form, read or refused with the field's label in both languages. */
final class TaskInput {

    private final DelegateTask task;

    TaskInput(DelegateTask task) {
        this.task = task;
    }

    /** A date of the form (Camunda Forms send ISO dates), never in the future: it records what happened. */
    LocalDate pastDay(String key, String label, LocalDate today) {
        Object value = task.getVariable(key);
        LocalDate day;
        try {
            day = value == null ? null : LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException unreadable) {
            day = null;
        }
        if (day == null) {
            throw new RejectedTaskInputException("Indiquez la date : " + label + ".");
        }
        if (day.isAfter(today)) {
            throw new RejectedTaskInputException("La date ne peut pas être dans le futur : " + label + ".");
        }
        return day;
    }

    String text(String key, String label, boolean required) {
        Object value = task.getVariable(key);
        String text = value == null ? null : value.toString().strip();
        if (required && (text == null || text.isEmpty())) {
            throw new RejectedTaskInputException("Renseignez : " + label + ".");
        }
        return text == null || text.isEmpty() ? null : text;
    }

    String choice(String key, String label, String... allowed) {
        String value = text(key, label, true);
        for (String one : allowed) {
            if (one.equals(value)) {
                return value;
            }
        }
        throw new RejectedTaskInputException("Choisissez : " + label + ".");
    }

    BigDecimal amount(String key, String label) {
        Object value = task.getVariable(key);
        try {
            BigDecimal amount = value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
            if (amount != null && amount.signum() >= 0) {
                return amount;
            }
        } catch (NumberFormatException unreadable) {
            // refused below
        }
        throw new RejectedTaskInputException("Indiquez un montant de 0 ou plus : " + label + ".");
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(task.getVariable(key)) || "true".equals(String.valueOf(task.getVariable(key)));
    }
}
