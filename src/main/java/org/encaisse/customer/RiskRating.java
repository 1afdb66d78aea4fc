package org.encaisse.customer;

import java.util.List;

import org.encaisse.input.Labelled;

/** The credit manager's view of how likely the customer is to pay late. */
public enum RiskRating implements Labelled {
    LOW("faible", "bas"),
    MEDIUM("moyen", "modéré"),
    HIGH("élevé", "fort");

    private final List<String> labels;

    RiskRating(String... labels) {
        this.labels = List.of(labels);
    }

    @Override
    public List<String> labels() {
        return labels;
    }
}
