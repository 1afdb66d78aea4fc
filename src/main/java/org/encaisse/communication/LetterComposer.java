package org.encaisse.communication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.encaisse.customer.Customer;
import org.encaisse.customer.PortalLinks;
import org.encaisse.invoice.Invoice;
import org.encaisse.letter.Creditor;
import org.encaisse.letter.Letter;
import org.encaisse.payment.Payment;
import org.springframework.stereotype.Component;

/**
 * Turns a communication and the invoices it still concerns into the letter to print: each invoice
 * with its days late and, from level 2 on, its interest to date and the fixed compensation.
 */
@Component
class LetterComposer {

    private final LatePenalties penalties;
    private final Creditor creditor;

    private final PortalLinks portalLinks;

    LetterComposer(LatePenalties penalties, Creditor creditor, PortalLinks portalLinks) {
        this.portalLinks = portalLinks;
        this.penalties = penalties;
        this.creditor = creditor;
    }

    record Composed(Letter letter, List<CommunicatedInvoice> invoices) {
    }

    Composed compose(Communication communication, Customer customer, List<Invoice> stillOwed, List<Payment> payments,
                     LocalDate today) {
        boolean claimsPenalties = communication.getStep().claimsLatePaymentPenalties();
        Map<Long, BigDecimal> interestByInvoice = claimsPenalties
                ? penalties.interest(customer, stillOwed, payments, today) : Map.of();
        List<CommunicatedInvoice> listed = new ArrayList<>();
        List<Letter.Line> lines = new ArrayList<>();
        BigDecimal totalInterest = BigDecimal.ZERO.setScale(2);
        BigDecimal outstanding = BigDecimal.ZERO.setScale(2);
        for (Invoice invoice : stillOwed) {
            int daysLate = (int) Math.max(0, invoice.daysLate(today));
            BigDecimal owedInterest = interestByInvoice.get(invoice.getId());
            listed.add(new CommunicatedInvoice(invoice.getId(), invoice.getNumber(), invoice.getIssueDate(),
                    invoice.getDueDate(), invoice.getAmount(), invoice.getOutstandingAmount(), daysLate, owedInterest));
            lines.add(new Letter.Line(invoice.getNumber(), invoice.getIssueDate(), invoice.getDueDate(),
                    invoice.getAmount(), invoice.getOutstandingAmount(), daysLate, owedInterest));
            outstanding = outstanding.add(invoice.getOutstandingAmount());
            if (owedInterest != null) {
                totalInterest = totalInterest.add(owedInterest);
            }
        }
        BigDecimal perInvoice = penalties.fixedCompensation();
        long lateInvoices = lines.stream().filter(line -> line.daysLate() > 0).count();
        BigDecimal compensation = claimsPenalties ? perInvoice.multiply(BigDecimal.valueOf(lateInvoices)) : BigDecimal.ZERO;
        BigDecimal claimed = outstanding.add(totalInterest)
                .add("EUR".equals(communication.getCurrency()) ? compensation : BigDecimal.ZERO);
        Letter letter = new Letter(communication.getTemplate(), Locale.forLanguageTag(communication.getLanguage()),
                communication.reference(customer.getExternalId()), today,
                communication.getChannel() == CommunicationStep.Channel.REGISTERED_LETTER, creditor,
                new Letter.Addressee(customer.getName(), customer.getCompanyId(), communication.getRecipientName(),
                        communication.getRecipientEmail(), customer.addressLines()),
                communication.getCurrency(), lines,
                new Letter.Totals(outstanding, totalInterest, perInvoice, compensation, claimed), claimsPenalties,
                customer.getLatePaymentRate(), installments(communication),
                portalLinks.issue(customer.getId(), communication.reference(customer.getExternalId())));
        return new Composed(letter, listed);
    }

    private static List<Letter.InstallmentLine> installments(Communication communication) {
        List<Letter.InstallmentLine> lines = new ArrayList<>();
        if (!communication.getStep().setsOutInstallments()) {
            // Spares every other letter a read of its (empty) installments.
            return lines;
        }
        List<CommunicatedInstallment> installments = communication.getInstallments();
        for (int i = 0; i < installments.size(); i++) {
            lines.add(new Letter.InstallmentLine(i + 1, installments.get(i).dueDate(), installments.get(i).amount()));
        }
        return lines;
    }
}
