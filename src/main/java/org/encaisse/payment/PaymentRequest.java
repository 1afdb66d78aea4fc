package org.encaisse.payment;

import java.util.List;

/**
 * A payment as the bank statement shows it, with either the invoices it pays or the customer it
 * comes from (then it settles the oldest open invoices first).
 */
public record PaymentRequest(String bankReference, String date, String amount, String currency,
                             List<String> invoiceNumbers, String customerExternalId) {
}
