package org.encaisse.audit;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the audit chain from its start and names the first entry that does not hold. */
@Service
public class AuditChainCheck {

    private final NamedParameterJdbcTemplate jdbc;

    AuditChainCheck(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code intact} with the count and last hash, or the first broken entry: {@code brokenAt}, and
     * why (its content no longer matches its hash, it does not follow the one before, or entries are missing).
     */
    public record Verdict(boolean intact, long entries, String lastHash, Long brokenAt, String reason) {
    }

    @Transactional(readOnly = true)
    public Verdict verify() {
        AtomicReference<String> previous = new AtomicReference<>(AuditTrail.GENESIS);
        long[] expectedId = {1};
        AtomicReference<Verdict> broken = new AtomicReference<>();
        jdbc.query("SELECT * FROM audit_entry ORDER BY id", new MapSqlParameterSource(), row -> {
            if (broken.get() != null) {
                return;
            }
            AuditTrail.Entry entry = AuditTrail.read(row);
            if (entry.id() != expectedId[0]) {
                broken.set(new Verdict(false, expectedId[0] - 1, previous.get(), expectedId[0],
                        "entry " + expectedId[0] + " is missing (the next one is " + entry.id() + ")"));
            } else if (!entry.previousHash().equals(previous.get())) {
                broken.set(new Verdict(false, expectedId[0] - 1, previous.get(), entry.id(),
                        "it does not follow entry " + (entry.id() - 1) + ": its previous hash is " + entry.previousHash()
                                + ", the chain has " + previous.get()));
            } else if (!AuditTrail.hashOf(entry).equals(entry.hash())) {
                broken.set(new Verdict(false, expectedId[0] - 1, previous.get(), entry.id(),
                        "its content was changed: it hashes to " + AuditTrail.hashOf(entry) + ", not " + entry.hash()));
            } else {
                previous.set(entry.hash());
                expectedId[0]++;
            }
        });
        if (broken.get() != null) {
            return broken.get();
        }
        String head = jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE id = 1", new MapSqlParameterSource(),
                String.class);
        if (!previous.get().equals(head)) {
            return new Verdict(false, expectedId[0] - 1, previous.get(), expectedId[0],
                    "the last entries were removed: the chain ends at " + previous.get() + " but was at " + head);
        }
        return new Verdict(true, expectedId[0] - 1, previous.get(), null, null);
    }
}
