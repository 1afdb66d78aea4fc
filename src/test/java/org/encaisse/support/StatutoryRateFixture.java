package org.encaisse.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.encaisse.letter.LatePaymentInterest;
import org.encaisse.letter.LatePaymentRates;
import org.encaisse.letter.StatutoryRates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The statutory rate of the half-year the suite runs in, when the table does not hold it yet: the last configured
 * one carried on, entered as a manager would. Without it every letter that claims penalties would be held, as it
 * should be in production, and the tests of everything after those letters would depend on the calendar.
 * StatutoryRateTests covers the held letters with a half-year nobody entered.
 */
public class StatutoryRateFixture {

    @Autowired
    StatutoryRates rates;

    @Autowired
    LatePaymentRates configured;

    @Autowired
    Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    void enterTheRateOfToday() {
        LocalDate today = LocalDate.now(clock);
        if (!rates.has(today)) {
            BigDecimal last = configured.rates().get(configured.rates().size() - 1).percent();
            rates.record(LatePaymentInterest.halfYearStart(today), last, "test-fixture",
                    "test fixture: the last configured rate carried on");
        }
    }
}
