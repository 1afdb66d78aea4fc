package org.encaisse.dispute;

import java.util.List;

import org.encaisse.input.Labelled;

/** Why the customer contests an invoice; the routing decision sends each kind to the team that can settle it. */
public enum DisputeCategory implements Labelled {
    PRICING("prix", "commercial", "tarif", "pricing/commercial"),
    DELIVERY("livraison", "quantité", "delivery/quantity"),
    QUALITY("qualité", "technique", "quality/technical"),
    ADMINISTRATIVE("administratif", "erreur de facture", "administrative/invoice error");

    private final List<String> labels;

    DisputeCategory(String... labels) {
        this.labels = List.of(labels);
    }

    @Override
    public List<String> labels() {
        return labels;
    }
}
