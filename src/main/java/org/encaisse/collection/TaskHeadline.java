package org.encaisse.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.encaisse.communication.Communication;
import org.encaisse.communication.CommunicationLog;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.FrenchAmount;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a task's card in Tasklist says of its customer, so that a collector chooses a call without opening it:
 * the name, what is overdue and how late ("Boulangeries Chevalier SARL — 36 843 € échus, 94 j"), and a one-line
 * summary (the level reached, the last letter, a promise awaited).
 */
@Service
public class TaskHeadline {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final java.util.Map<String, String> LETTERS = java.util.Map.of(
            "PRE_DUE_REMINDER", "rappel avant échéance", "FIRST_REMINDER", "relance 1", "SECOND_REMINDER", "relance 2",
            "FIRM_LETTER", "relance ferme", "FORMAL_NOTICE", "mise en demeure", "AGENCY_HANDOFF_NOTICE", "remise à l'agence",
            "PAYMENT_PLAN_AGREEMENT", "échéancier", "MISSED_INSTALLMENT_NOTICE", "échéance manquée",
            "DISPUTE_ACKNOWLEDGEMENT", "accusé de litige");

    /** The task variables a Tasklist card shows, and the saved filters sort and select on. */
    static final String CUSTOMER_NAME = "customerName";
    static final String OVERDUE_AMOUNT = "overdueAmount";
    static final String DAYS_LATE = "daysLate";
    static final String REMINDER_LEVEL = "reminderLevel";
    static final String BROKEN_PROMISE = "brokenPromise";

    /** {@code stakes}: the inputs of TaskPriorityDecision, by name; {@code card}: the card's task variables. */
    public record Lines(String headline, String summary, java.util.Map<String, Object> stakes,
                        java.util.Map<String, Object> card) {
    }

    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final CommunicationLog communications;
    private final PromiseBook promises;
    private final java.time.ZoneId zone;

    TaskHeadline(CustomerDirectory customers, InvoiceLedger ledger, CommunicationLog communications,
                 PromiseBook promises,
                 @org.springframework.beans.factory.annotation.Value("${encaisse.time-zone:Europe/Paris}") String zone) {
        this.zone = java.time.ZoneId.of(zone);
        this.customers = customers;
        this.ledger = ledger;
        this.communications = communications;
        this.promises = promises;
    }

    @Transactional(readOnly = true)
    public Lines of(Long customerId, LocalDate today) {
        Customer customer = customers.get(customerId);
        List<Invoice> overdue = ledger.overdueIncludingPlans(customerId, today);
        StringBuilder headline = new StringBuilder(customer.getName());
        BigDecimal total = overdue.stream().map(Invoice::getOutstandingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long daysLate = overdue.stream().mapToLong(invoice -> invoice.daysLate(today)).max().orElse(0);
        if (overdue.isEmpty()) {
            headline.append(" — rien d'échu");
        } else {
            headline.append(" — ").append(FrenchAmount.rounded(total, overdue.get(0).getCurrency())).append(" échus, ")
                    .append(daysLate).append(" j");
        }
        StringBuilder summary = new StringBuilder();
        List<Communication> last = communications.latestOfCustomer(customerId, 1);
        int level = last.isEmpty() ? 0 : last.get(0).getLevel();
        if (last.isEmpty()) {
            summary.append("Aucun courrier");
        } else {
            Communication letter = last.get(0);
            summary.append("Niveau ").append(letter.getLevel()).append(" · dernier courrier : ")
                    .append(LETTERS.getOrDefault(letter.getStep().name(), letter.getStep().template())).append(" du ")
                    .append(FRENCH_DATE.format(letter.getCreatedAt().atZone(zone)));
        }
        List<PromiseToPay> lastPromise = promises.latestOfCustomer(customerId, 1);
        lastPromise.stream()
                .filter(promise -> promise.getStatus() == PromiseToPay.Status.OPEN)
                .findFirst()
                .ifPresent(promise -> summary.append(" · promesse au ").append(FRENCH_DATE.format(promise.getPromisedDate())));
        boolean broken = lastPromise.stream().anyMatch(promise -> promise.getStatus() == PromiseToPay.Status.BROKEN);
        java.util.Map<String, Object> stakes = new java.util.HashMap<>();
        stakes.put("overdueAmount", total.doubleValue());
        stakes.put("daysLate", (int) daysLate);
        stakes.put("riskRating", customer.getRiskRating() == null ? null : customer.getRiskRating().name());
        stakes.put("segment", customer.getSegment());
        stakes.put("brokenPromise", broken);
        stakes.put("level", level);
        java.util.Map<String, Object> card = new java.util.HashMap<>();
        card.put(CUSTOMER_NAME, customer.getName());
        card.put(OVERDUE_AMOUNT, total.setScale(2, RoundingMode.HALF_UP).doubleValue());
        card.put(DAYS_LATE, (int) daysLate);
        card.put(REMINDER_LEVEL, level);
        card.put(BROKEN_PROMISE, broken);
        return new Lines(headline.toString(), summary.toString(), stakes, card);
    }
}
