package org.encaisse.letter;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory late-payment rates in force: the table of {@code encaisse.penalties.rates}, completed by the rates
 * the managers enter each half-year (stored, so that every node sees them at once and none needs a restart).
 * Read afresh for each letter: a handful of rows.
 */
@Service
public class StatutoryRates {

    private static final Logger log = LoggerFactory.getLogger(StatutoryRates.class);
    private static final BigDecimal HIGHEST = new BigDecimal("30.00");

    private final LatePaymentRates configured;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    StatutoryRates(LatePaymentRates configured, JdbcTemplate jdbc, Clock clock) {
        this.configured = configured;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The interest calculator over every rate known now. */
    @Transactional(readOnly = true)
    public LatePaymentInterest interest() {
        List<LatePaymentRates.Rate> rates = new ArrayList<>(configured.rates());
        // Added after the configured ones: a manager's entry wins for its half-year.
        rates.addAll(jdbc.query("SELECT from_date, percent FROM statutory_rate", (row, i) ->
                new LatePaymentRates.Rate(row.getDate("from_date").toLocalDate(), row.getBigDecimal("percent"))));
        return new LatePaymentInterest(rates);
    }

    /** The fixed compensation per late invoice, in EUR (D441-5). */
    public BigDecimal fixedCompensation() {
        return configured.fixedCompensation();
    }

    /**
     * Records the rate of the half-year starting {@code from} (1 January or 1 July), in percent a year.
     *
     * @throws IllegalArgumentException when the day or the rate cannot be one
     */
    @Transactional
    public void record(LocalDate from, BigDecimal percent, String by, String source) {
        if (!from.equals(LatePaymentInterest.halfYearStart(from))) {
            throw new IllegalArgumentException("A statutory rate starts on 1 January or 1 July, not on " + from + ".");
        }
        if (percent == null || percent.signum() < 0 || percent.compareTo(HIGHEST) > 0) {
            throw new IllegalArgumentException("A statutory rate is a percentage from 0 to 30 (the ECB rate plus 10 "
                    + "points), not " + percent + ".");
        }
        BigDecimal rate = percent.setScale(2, java.math.RoundingMode.HALF_UP);
        int updated = jdbc.update("UPDATE statutory_rate SET percent = ?, entered_by = ?, entered_at = ?, source = ? "
                + "WHERE from_date = ?", rate, by, Timestamp.from(Instant.now(clock)), source, Date.valueOf(from));
        if (updated == 0) {
            jdbc.update("INSERT INTO statutory_rate (from_date, percent, entered_by, entered_at, source) "
                    + "VALUES (?, ?, ?, ?, ?)", Date.valueOf(from), rate, by, Timestamp.from(Instant.now(clock)), source);
        }
        log.info("Statutory late-payment rate from {}: {} % a year, entered by {} ({}).", from, rate, by, source);
    }

    /** Whether the half-year starting {@code from} has its own rate, configured or entered. */
    @Transactional(readOnly = true)
    public boolean has(LocalDate from) {
        return interest().hasRateFor(from);
    }

    /**
     * Marks the rate of the half-year starting {@code from} as asked for: true the first time only, whichever node
     * asks, so that the managers get one task per half-year.
     */
    @Transactional
    public boolean askOnce(LocalDate from) {
        try {
            jdbc.update("INSERT INTO statutory_rate_request (from_date, requested_at) VALUES (?, ?)", Date.valueOf(from),
                    Timestamp.from(Instant.now(clock)));
            return true;
        } catch (DuplicateKeyException asked) {
            return false;
        }
    }

    /** The rate entered for the half-year starting {@code from}, if any. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> entered(LocalDate from) {
        return jdbc.query("SELECT percent FROM statutory_rate WHERE from_date = ?",
                (row, i) -> row.getBigDecimal("percent"), Date.valueOf(from)).stream().findFirst();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnOfAMissingRate() {
        LocalDate today = LocalDate.now(clock);
        if (!has(today)) {
            log.warn("No statutory late-payment rate for the half-year of {} (encaisse.penalties.rates, or entered by a "
                    + "manager in the task \"Saisir le taux légal du semestre\"): letters that claim penalties are held "
                    + "until it is entered.", today);
        }
    }
}
