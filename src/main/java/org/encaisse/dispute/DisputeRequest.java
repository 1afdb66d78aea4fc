package org.encaisse.dispute;

/** A dispute as a collector records it: which invoice, why, and what the customer said. */
public record DisputeRequest(String invoiceNumber, String category, String description) {
}
