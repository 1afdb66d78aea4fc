package org.encaisse.communication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.encaisse.customer.Customer;
import org.encaisse.invoice.Invoice;
import org.encaisse.letter.LatePaymentInterest;
import org.encaisse.letter.LatePaymentInterest.Lateness;
import org.encaisse.letter.LatePaymentInterest.Settlement;
import org.encaisse.letter.StatutoryRates;
import org.encaisse.payment.Payment;
import org.encaisse.payment.PaymentAllocation;
import org.springframework.stereotype.Component;

/**
 * What a late invoice owes beyond its principal (L441-10, D441-5): interest to a day, dated by the payments that
 * settled it, and the fixed compensation. The letters claim it; a court claim computes it to its filing date.
 */
@Component
public class LatePenalties {

    private final StatutoryRates rates;

    LatePenalties(StatutoryRates rates) {
        this.rates = rates;
    }

    /** Per late invoice, in EUR. */
    public BigDecimal fixedCompensation() {
        return rates.fixedCompensation();
    }

    /**
     * The half-years whose statutory rate the interest of these invoices on {@code asOf} needs and the table lacks:
     * none when the customer's terms set their own rate.
     */
    public List<LocalDate> missingRates(Customer customer, List<Invoice> invoices, LocalDate asOf) {
        if (customer.getLatePaymentRate() != null || invoices.isEmpty()) {
            return List.of();
        }
        LocalDate firstLateDay = invoices.stream().map(invoice -> invoice.getDueDate().plusDays(1))
                .min(LocalDate::compareTo).orElseThrow();
        return firstLateDay.isAfter(asOf) ? List.of() : rates.interest().missingHalfYears(firstLateDay, asOf);
    }

    /** Each invoice's interest on {@code asOf}, by invoice id. */
    public Map<Long, BigDecimal> interest(Customer customer, List<Invoice> invoices, List<Payment> payments,
                                          LocalDate asOf) {
        Map<Long, List<Settlement>> settlements = settlementsByInvoice(payments);
        LatePaymentInterest interest = rates.interest();
        Map<Long, BigDecimal> owed = new HashMap<>();
        for (Invoice invoice : invoices) {
            // A credit note corrects the invoice: what bears interest is what was really owed.
            BigDecimal due = invoice.getAmount().subtract(invoice.getCreditedAmount());
            Lateness lateness = new Lateness(invoice.getDueDate(), due, settlements.getOrDefault(invoice.getId(), List.of()));
            owed.put(invoice.getId(), interest.interest(lateness, asOf, customer.getLatePaymentRate()));
        }
        return owed;
    }

    private static Map<Long, List<Settlement>> settlementsByInvoice(List<Payment> payments) {
        Map<Long, List<Settlement>> byInvoice = new HashMap<>();
        for (Payment payment : payments) {
            for (PaymentAllocation allocation : payment.getAllocations()) {
                byInvoice.computeIfAbsent(allocation.getInvoiceId(), id -> new ArrayList<>())
                        .add(new Settlement(payment.getPaymentDate(), allocation.getAmount()));
            }
        }
        return byInvoice;
    }
}
