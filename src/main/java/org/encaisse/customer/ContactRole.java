package org.encaisse.customer;

import java.util.List;

import org.encaisse.input.Labelled;

/** Who a contact is for the collector: each step of the recovery path writes to a given role. */
public enum ContactRole implements Labelled {
    ACCOUNTS_PAYABLE("comptabilité fournisseurs", "comptable", "accounts payable", "AP"),
    PURCHASER("acheteur", "achats", "buyer"),
    DIRECTOR("directeur", "dirigeant", "gérant", "director");

    private final List<String> labels;

    ContactRole(String... labels) {
        this.labels = List.of(labels);
    }

    @Override
    public List<String> labels() {
        return labels;
    }
}
