package org.encaisse.customer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One personal link to the customer portal, kept as the hash of its token. */
@Entity
class PortalToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_token_seq")
    @SequenceGenerator(name = "portal_token_seq", sequenceName = "portal_token_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private String tokenHash;
    private String issuedFor;
    private Instant issuedAt;
    private Instant expiresAt;
    private Instant revokedAt;
    private String revokedBy;

    protected PortalToken() {
    }

    PortalToken(Long customerId, String tokenHash, String issuedFor, Instant issuedAt, Instant expiresAt) {
        this.customerId = customerId;
        this.tokenHash = tokenHash;
        this.issuedFor = issuedFor;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    boolean opensAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(String by, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    Long getId() {
        return id;
    }

    Long getCustomerId() {
        return customerId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
