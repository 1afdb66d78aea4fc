package org.encaisse.payment;

/** Published in the transaction that recorded a new payment. */
public record PaymentRecorded(Long customerId, String customerExternalId, String bankReference) {
}
