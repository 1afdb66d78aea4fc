package org.encaisse.customer;

import java.util.List;

/**
 * A customer as the accounting system sends it, fields as text so that every bad field is
 * reported with its position rather than the first one failing the whole request.
 */
public record CustomerRecord(String externalId, String name, String companyId, String segment, String riskRating,
                             String creditLimit, String salesRep, String language, String address,
                             String latePaymentRate, List<ContactRecord> contacts) {

    public record ContactRecord(String role, String name, String email, String phone) {
    }
}
