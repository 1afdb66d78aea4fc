package org.encaisse.invoice;

/** An invoice as the accounting system sends it; fields as text so that every bad one is reported. */
public record InvoiceRecord(String number, String customerExternalId, String issueDate, String dueDate,
                            String amount, String currency) {
}
