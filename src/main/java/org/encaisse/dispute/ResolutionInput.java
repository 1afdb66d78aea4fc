package org.encaisse.dispute;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** What the resolver entered in ResolveDisputeForm; Camunda Forms send numbers as doubles or longs. */
record ResolutionInput(Long disputeId, String resolution, BigDecimal creditNote, BigDecimal corrected, String comment) {

    static ResolutionInput of(VariableScope scope) {
        return new ResolutionInput(
                (Long) scope.getVariable(DisputeVariables.DISPUTE_ID),
                (String) scope.getVariable(DisputeVariables.RESOLUTION),
                amount(scope.getVariable(DisputeVariables.CREDIT_NOTE_AMOUNT)),
                amount(scope.getVariable(DisputeVariables.CORRECTED_AMOUNT)),
                (String) scope.getVariable(DisputeVariables.RESOLUTION_COMMENT));
    }

    private static BigDecimal amount(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException notANumber) {
            throw new InvalidResolutionException("Montant illisible / unreadable amount: " + value);
        }
    }
}
