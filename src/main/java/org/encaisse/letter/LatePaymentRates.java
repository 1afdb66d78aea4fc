package org.encaisse.letter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The statutory late-payment rate table and the fixed recovery compensation, from configuration so
 * that the credit manager adds each half-year's rate without a release.
 *
 * @param rates              yearly percent, each in force from its date (1 January or 1 July)
 * @param fixedCompensation  per late invoice, in EUR (Code de commerce D441-5)
 */
@ConfigurationProperties("encaisse.penalties")
public record LatePaymentRates(List<Rate> rates, BigDecimal fixedCompensation) {

    public LatePaymentRates {
        rates = rates == null ? List.of() : List.copyOf(rates);
        fixedCompensation = fixedCompensation == null ? new BigDecimal("40.00") : fixedCompensation;
    }

    public record Rate(LocalDate from, BigDecimal percent) {
    }
}
