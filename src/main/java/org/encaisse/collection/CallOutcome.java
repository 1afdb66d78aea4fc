package org.encaisse.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.VariableScope;

/** What the collector entered in CallCustomerForm; Camunda Forms send dates as ISO text and numbers as doubles. */
record CallOutcome(String outcome, LocalDate promisedDate, BigDecimal promisedAmount, String disputedInvoice,
                   String disputeCategory, String disputeComment, LocalDate retryDate) {

    static final String PROMISE = "PROMISE";
    static final String DISPUTE = "DISPUTE";
    static final String CLAIMS_PAID = "CLAIMS_PAID";
    static final String UNREACHABLE = "UNREACHABLE";
    static final String NO_AGREEMENT = "NO_AGREEMENT";
    static final String DIFFICULTY = "DIFFICULTY";

    static CallOutcome of(VariableScope scope) {
        return new CallOutcome(
                (String) scope.getVariable(CaseVariables.CALL_OUTCOME),
                date(scope.getVariable(CaseVariables.PROMISED_DATE)),
                amount(scope.getVariable(CaseVariables.PROMISED_AMOUNT)),
                (String) scope.getVariable(CaseVariables.DISPUTED_INVOICE),
                (String) scope.getVariable(CaseVariables.DISPUTE_CATEGORY),
                (String) scope.getVariable(CaseVariables.DISPUTE_COMMENT),
                date(scope.getVariable(CaseVariables.RETRY_DATE)));
    }

    private static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException unreadable) {
            throw new RejectedTaskInputException("Date illisible / unreadable date: " + value);
        }
    }

    private static BigDecimal amount(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException unreadable) {
            throw new RejectedTaskInputException("Montant illisible / unreadable amount: " + value);
        }
    }
}
