package org.encaisse.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The domain audit trail: who (a user or a rule) did what, to which customer and invoices, when.
 * Entries are written by the caller's transaction as it commits (they exist exactly when what they
 * record committed) and chained by SHA-256 in commit order; nothing updates or deletes them.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    AuditTrail(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One audited fact. {@code actor}: a user id, or {@code rule:<what decided>} for the engine and the rules. */
    public record Entry(long id, Instant occurredAt, String actor, String action, Long customerId, String subject,
                        String invoiceNumbers, String details, String previousHash, String hash) {
    }

    /**
     * Records a fact in the caller's transaction. The entry is chained when that transaction commits,
     * not now: the chain's head row is locked only for the few milliseconds of the commit, so a letter
     * job that appends early does not make every other job wait for it to finish.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String actor, String action, Long customerId, String subject, List<String> invoiceNumbers,
                       String details) {
        String numbers = invoiceNumbers == null || invoiceNumbers.isEmpty() ? null : String.join(",", invoiceNumbers);
        Entry unchained = new Entry(0, clock.instant().truncatedTo(ChronoUnit.MICROS),
                truncate(actor == null ? "unknown" : actor, 100), action, customerId, truncate(subject, 200),
                truncate(numbers, 2000), truncate(details, 4000), null, null);
        EntriesAtCommit.of(this).add(unchained);
    }

    /** Chains the transaction's entries after the head; the head row's lock makes committing transactions take turns. */
    void chain(List<Entry> unchained) {
        Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
                new MapSqlParameterSource());
        String previous = (String) head.get("last_hash");
        long id = ((Number) head.get("last_id")).longValue();
        List<MapSqlParameterSource> rows = new ArrayList<>(unchained.size());
        for (Entry pending : unchained) {
            id++;
            Entry entry = new Entry(id, pending.occurredAt(), pending.actor(), pending.action(), pending.customerId(),
                    pending.subject(), pending.invoiceNumbers(), pending.details(), previous, null);
            String hash = hashOf(entry);
            rows.add(new MapSqlParameterSource().addValue("id", id).addValue("at", Timestamp.from(entry.occurredAt()))
                    .addValue("actor", entry.actor()).addValue("action", entry.action())
                    .addValue("customer", entry.customerId()).addValue("subject", entry.subject())
                    .addValue("numbers", entry.invoiceNumbers()).addValue("details", entry.details())
                    .addValue("previous", previous).addValue("hash", hash));
            previous = hash;
        }
        jdbc.batchUpdate("""
                INSERT INTO audit_entry (id, occurred_at, actor, action, customer_id, subject, invoice_numbers, details,
                                         previous_hash, hash)
                VALUES (:id, :at, :actor, :action, :customer, :subject, :numbers, :details, :previous, :hash)""",
                rows.toArray(MapSqlParameterSource[]::new));
        jdbc.update("UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1",
                new MapSqlParameterSource().addValue("id", id).addValue("hash", previous));
    }

    /** The customer's entries, oldest first. */
    @Transactional(readOnly = true)
    public List<Entry> ofCustomer(Long customerId) {
        return jdbc.query("SELECT * FROM audit_entry WHERE customer_id = :customer ORDER BY id",
                new MapSqlParameterSource("customer", customerId), (row, i) -> read(row));
    }

    static Entry read(java.sql.ResultSet row) throws java.sql.SQLException {
        long customer = row.getLong("customer_id");
        Long customerId = row.wasNull() ? null : customer;
        return new Entry(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
                row.getString("action"), customerId, row.getString("subject"),
                row.getString("invoice_numbers"), row.getString("details"), row.getString("previous_hash"),
                row.getString("hash"));
    }

    /** SHA-256 over the entry's fields and the previous hash, each field length-prefixed so none can bleed into the next. */
    static String hashOf(Entry entry) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {entry.id(), entry.occurredAt().truncatedTo(ChronoUnit.MICROS), entry.actor(),
                entry.action(), entry.customerId(), entry.subject(), entry.invoiceNumbers(), entry.details(),
                entry.previousHash()}) {
            String text = field == null ? "\u0000" : field.toString();
            canonical.append(text.length()).append(':').append(text).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
