package org.encaisse.insurance;

/** A customer's cover as sent or imported, every field as written; {@link InsuranceCoverBook} checks them. */
public record CoverRecord(String customerExternalId, String insurer, String policyNumber, String grantedLimit,
                          String currency, String grantedOn, String state) {
}
