package org.encaisse.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.encaisse.collection.CustomerAnswers;
import org.encaisse.customer.PortalLinks;
import org.encaisse.input.FieldReader;
import org.encaisse.input.InputErrors;
import org.encaisse.input.SourcePosition;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A promise to pay made on the portal page. Within the policy ({@code encaisse.portal.max-promise-days}, 30 days by
 * default) and while the case waits for its call, it answers that call exactly as the collector would enter it on
 * the phone; otherwise it goes to a collector, who accepts or rejects it ("Examiner la promesse du client").
 */
@Service
class PortalPromises {

    /** {@code RECORDED}: the case took it; {@code TO_REVIEW}: a collector decides. */
    enum Outcome { RECORDED, TO_REVIEW }

    private final InvoiceLedger ledger;
    private final CustomerAnswers answers;
    private final Clock clock;
    private final int maxDays;

    PortalPromises(InvoiceLedger ledger, CustomerAnswers answers, Clock clock,
                   @Value("${encaisse.portal.max-promise-days:30}") int maxDays) {
        this.ledger = ledger;
        this.answers = answers;
        this.clock = clock;
        this.maxDays = maxDays;
    }

    @Transactional
    public Outcome promise(PortalLinks.PortalAccess access, String ip, String date, String amount) {
        InputErrors errors = new InputErrors();
        FieldReader read = new FieldReader(errors, SourcePosition.item(1));
        LocalDate today = LocalDate.now(clock);
        LocalDate promised = read.date("promisedDate", date, true);
        if (promised != null && !promised.isAfter(today)) {
            read.reject("promisedDate", "must be a day to come / doit être une date à venir", date);
        }
        if (promised != null && promised.isAfter(today.plusYears(1))) {
            read.reject("promisedDate", "must be within a year / doit être dans l'année", date);
        }
        List<Invoice> owed = ledger.ofCustomer(access.customerId()).stream()
                .filter(invoice -> invoice.getOutstandingAmount().signum() > 0).toList();
        String currency = owed.isEmpty() ? "EUR" : owed.get(0).getCurrency();
        BigDecimal value = read.amount("promisedAmount", amount, Currency.getInstance(currency), true);
        BigDecimal total = owed.stream().filter(invoice -> invoice.getCurrency().equals(currency))
                .map(Invoice::getOutstandingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (value != null && value.compareTo(total) > 0) {
            read.reject("promisedAmount", "is more than you owe (" + total.toPlainString() + " " + currency
                    + ") / dépasse ce que vous devez", amount);
        }
        errors.throwIfAny("the promise");
        String actor = PortalDesk.actor(access, ip);
        boolean withinPolicy = !promised.isAfter(today.plusDays(maxDays));
        if (withinPolicy && answers.promise(access.customerId(), promised, value, actor)) {
            return Outcome.RECORDED;
        }
        answers.propose(access.customerId(), promised, value, currency, withinPolicy
                ? "le dossier n'attend pas d'appel / the case waits for no call"
                : "au-delà de " + maxDays + " jours / beyond " + maxDays + " days", actor);
        return Outcome.TO_REVIEW;
    }
}
