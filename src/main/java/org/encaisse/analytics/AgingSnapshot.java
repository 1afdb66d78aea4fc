package org.encaisse.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.encaisse.input.QueryChunks;
import org.encaisse.invoice.InvoiceBalancesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The aged balance per customer, kept in {@code customer_aging} for one as-of day: rebuilt whole
 * each morning (and whenever a reader finds it from another day), and, in between, each customer's
 * rows recomputed in the transaction that changed what it owes. Readers then sort and sum a row per
 * customer instead of grouping every invoice.
 */
@Service
public class AgingSnapshot {

    private static final Logger log = LoggerFactory.getLogger(AgingSnapshot.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    @PersistenceContext
    private EntityManager entityManager;

    AgingSnapshot(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The day the rows are counted from, if built. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> asOf() {
        List<LocalDate> days = jdbc.query("SELECT as_of FROM aging_snapshot WHERE id = 1", new MapSqlParameterSource(),
                (row, i) -> row.getDate(1).toLocalDate());
        return days.stream().findFirst();
    }

    /** Makes sure the rows count from today; the first reader of a new day pays the rebuild. */
    @Transactional
    public LocalDate current() {
        LocalDate today = LocalDate.now(clock);
        if (!asOf().filter(today::equals).isPresent()) {
            rebuild(today);
        }
        return today;
    }

    /** Every customer's rows from the invoices, in one statement. */
    @Transactional
    public void rebuild(LocalDate asOf) {
        long start = System.nanoTime();
        MapSqlParameterSource params = AgingSql.dates(asOf, null);
        jdbc.update("DELETE FROM customer_aging", params);
        jdbc.update(insertFor(""), params);
        int updated = jdbc.update("UPDATE aging_snapshot SET as_of = :asOf, refreshed_at = :now WHERE id = 1",
                params.addValue("now", Timestamp.from(clock.instant())));
        if (updated == 0) {
            jdbc.update("INSERT INTO aging_snapshot (id, as_of, refreshed_at) VALUES (1, :asOf, :now)", params);
        }
        log.info("Aged balance per customer rebuilt as of {} in {} ms.", asOf, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The customers whose invoices changed, recomputed before the transaction that changed them
     * commits: the rows never disagree with the invoices they sum.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void onBalancesChanged(InvoiceBalancesChanged changed) {
        Optional<LocalDate> asOf = asOf();
        if (asOf.isEmpty() || changed.customerIds().isEmpty()) {
            return;
        }
        // The changes are still in the persistence context; the SQL below must see them.
        entityManager.flush();
        refresh(asOf.get(), changed.customerIds());
    }

    void refresh(LocalDate asOf, Collection<Long> customerIds) {
        for (List<Long> chunk : QueryChunks.of(customerIds)) {
            MapSqlParameterSource params = AgingSql.dates(asOf, null).addValue("customers", chunk);
            jdbc.update("DELETE FROM customer_aging WHERE customer_id IN (:customers)", params);
            jdbc.update(insertFor(" AND i.customer_id IN (:customers)"), params);
        }
    }

    private static String insertFor(String condition) {
        return "INSERT INTO customer_aging (customer_id, currency, " + Bands.COLUMNS + ") SELECT i.customer_id, i.currency, "
                + AgingSql.bandSums(AgingSql.OWED_NOW)
                + " FROM invoice i WHERE i.outstanding_amount > 0" + condition + " GROUP BY i.customer_id, i.currency";
    }
}
