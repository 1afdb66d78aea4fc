package org.encaisse.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * The aged balance on {@code asOf} in one currency: the totals by band, and the customers sorted by
 * their overdue amount, largest first ({@code customerCount} of them, {@code customers} the first ones).
 * {@code source}: {@code snapshot} when read from the running per-customer totals, {@code invoices}
 * when summed from the invoices (a past day, or when asked); then {@code customerCount} is null when
 * no customer was asked for.
 */
public record AgedBalance(LocalDate asOf, String currency, String source, Bands total, Integer customerCount,
                          List<CustomerLine> customers) {

    /** {@code soonestLimitation}: the first day one of its debts can no longer be claimed (LimitationReport). */
    public record CustomerLine(String externalId, String name, String segment, String riskRating, String salesRep,
                               Bands bands, LocalDate soonestLimitation) {

        CustomerLine withSoonestLimitation(LocalDate day) {
            return new CustomerLine(externalId, name, segment, riskRating, salesRep, bands, day);
        }
    }
}
