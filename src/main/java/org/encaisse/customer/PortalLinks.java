package org.encaisse.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.encaisse.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's personal links to its portal page. A token is 256 random bits, shown once (in the letter that
 * carries it) and kept only as its SHA-256; it opens that one customer's page until it expires
 * ({@code encaisse.portal.token-validity}, 60 days by default) or the customer's links are revoked. Each letter
 * carries a new one, so that the latest letter's link always has its full time to run.
 */
@Service
public class PortalLinks {

    /** 32 bytes in unpadded base64url. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final PortalTokenRows tokens;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration validity;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    PortalLinks(PortalTokenRows tokens, AuditTrail audit, Clock clock,
                @Value("${encaisse.portal.token-validity:P60D}") Duration validity,
                @Value("${encaisse.portal.base-url:http://localhost:8080}") String baseUrl) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.validity = validity;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Who a valid token lets in: the customer, and the token's id for the audit trail (never the token). */
    public record PortalAccess(long tokenId, Long customerId) {
    }

    /** A new link for the customer, for {@code issuedFor} (a letter's reference): the address to print. */
    @Transactional(propagation = Propagation.REQUIRED)
    public String issue(Long customerId, String issuedFor) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        tokens.save(new PortalToken(customerId, sha256(token), truncate(issuedFor), now, now.plus(validity)));
        return baseUrl + "/portal/" + token;
    }

    /**
     * The access a token gives, or nothing: a malformed, unknown, expired or revoked token all answer the same, so
     * that trying tokens teaches nothing.
     */
    @Transactional(readOnly = true)
    public Optional<PortalAccess> resolve(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(sha256(token)).filter(row -> row.opensAt(now))
                .map(row -> new PortalAccess(row.getId(), row.getCustomerId()));
    }

    /** Stops every link of the customer at once, e.g. when a letter went to the wrong address. */
    @Transactional
    public int revokeAll(Long customerId, String by) {
        List<PortalToken> open = tokens.findByCustomerIdAndRevokedAtIsNull(customerId);
        Instant now = clock.instant();
        open.forEach(token -> token.revoke(by, now));
        audit.append(by, "PORTAL_LINKS_REVOKED", customerId, "portal", null, open.size() + " link(s) revoked");
        return open.size();
    }

    private static String truncate(String text) {
        return text == null ? "" : text.length() > 100 ? text.substring(0, 100) : text;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
