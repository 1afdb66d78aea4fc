package org.encaisse.letter;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({LatePaymentRates.class, Creditor.class})
class LetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LetterConfiguration.class);

    @Bean
    LatePaymentInterest latePaymentInterest(LatePaymentRates rates, Clock clock) {
        LatePaymentInterest interest = new LatePaymentInterest(rates.rates());
        LocalDate today = LocalDate.now(clock);
        if (!interest.hasRateFor(today)) {
            // The letters still go out with the last rate known; the credit manager adds the new one.
            log.warn("encaisse.penalties.rates has no rate for the half-year of {}: letters use the last one configured. "
                    + "Add the ECB refinancing rate of 1 January / 1 July plus 10 points.", today);
        }
        return interest;
    }
}
