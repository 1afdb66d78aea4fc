package org.encaisse.insurance;

import java.util.List;

import org.encaisse.input.Labelled;

/** How a cover's state may be written in a file: the insurer's word in French or English. */
enum CoverState implements Labelled {
    GRANTED(InsuranceCover.State.GRANTED, "accordée", "accordé", "agréée", "agrément"),
    REDUCED(InsuranceCover.State.REDUCED, "réduite", "réduit", "réduction"),
    WITHDRAWN(InsuranceCover.State.WITHDRAWN, "retirée", "retiré", "résiliée", "retrait", "annulée");

    private final InsuranceCover.State state;
    private final List<String> labels;

    CoverState(InsuranceCover.State state, String... labels) {
        this.state = state;
        this.labels = List.of(labels);
    }

    InsuranceCover.State state() {
        return state;
    }

    @Override
    public List<String> labels() {
        return labels;
    }
}
