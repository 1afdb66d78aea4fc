package org.encaisse.payment;

import java.util.Collection;

/**
 * Published by a batch that recorded payments with {@link PaymentRecording#recordMatched}, once for all of them:
 * the customers who paid, by external id, each told once however many of its payments the batch recorded.
 */
public record PaymentsRecorded(Collection<String> customerExternalIds) {
}
