package org.encaisse.letter;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the managers for each half-year's statutory rate before it is needed: fifteen days before the half-year
 * starts, at once for the half-year under way when its rate is missing, and for any half-year a held letter needs.
 * Once per half-year, whichever node asks first.
 */
@Service
public class StatutoryRateWatch {

    static final String PROCESS = "StatutoryRateProcess";
    static final int DAYS_AHEAD = 15;

    private static final Logger log = LoggerFactory.getLogger(StatutoryRateWatch.class);

    private final StatutoryRates rates;
    private final RuntimeService runtime;

    StatutoryRateWatch(StatutoryRates rates, RuntimeService runtime) {
        this.rates = rates;
        this.runtime = runtime;
    }

    /** The daily look: this half-year's rate, and the next one's from fifteen days before it. */
    @Transactional
    public int askIfDue(LocalDate asOf) {
        Set<LocalDate> halfYears = new LinkedHashSet<>();
        halfYears.add(LatePaymentInterest.halfYearStart(asOf));
        LocalDate next = LatePaymentInterest.halfYearStart(asOf).plusMonths(6);
        if (!asOf.isBefore(next.minusDays(DAYS_AHEAD))) {
            halfYears.add(next);
        }
        return ask(halfYears);
    }

    /** Asks for each of these half-years that has no rate and was never asked for; returns how many were asked. */
    @Transactional(propagation = Propagation.REQUIRED)
    public int ask(Collection<LocalDate> halfYears) {
        int asked = 0;
        for (LocalDate start : halfYears) {
            if (!rates.has(start) && rates.askOnce(start)) {
                runtime.startProcessInstanceByKey(PROCESS, "taux-" + start,
                        java.util.Map.of("halfYearStart", start.toString()));
                log.info("The managers are asked for the statutory late-payment rate of the half-year from {}.", start);
                asked++;
            }
        }
        return asked;
    }
}
