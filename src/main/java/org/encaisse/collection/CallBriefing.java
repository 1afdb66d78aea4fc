package org.encaisse.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.encaisse.communication.Communication;
import org.encaisse.communication.CommunicationLog;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.payment.Payment;
import org.encaisse.payment.PaymentHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a collector reads before dialing: whom to call, what is overdue, what was paid, which
 * letters went out and what was promised. Shown in the call task's form; written once for every reader, in
 * French, the language of the collection team and of the letters it quotes.
 */
@Service
public class CallBriefing {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int RECENT = 5;
    /**
     * The oldest overdue invoices listed, the others counted: the briefing is a task variable, which Camunda keeps
     * in a column of 4,000 characters.
     */
    static final int LISTED_INVOICES = 20;
    static final int MAX_LENGTH = 4000;

    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final PaymentHistory payments;
    private final CommunicationLog communications;
    private final PromiseBook promises;
    private final java.time.Clock clock;
    private final org.encaisse.dispute.DisputeDesk disputes;
    private final org.encaisse.payment.AnnouncedPayments announcedPayments;

    CallBriefing(CustomerDirectory customers, InvoiceLedger ledger, PaymentHistory payments,
                 CommunicationLog communications, PromiseBook promises, java.time.Clock clock,
                 org.encaisse.dispute.DisputeDesk disputes, org.encaisse.payment.AnnouncedPayments announcedPayments) {
        this.disputes = disputes;
        this.announcedPayments = announcedPayments;
        this.customers = customers;
        this.ledger = ledger;
        this.payments = payments;
        this.communications = communications;
        this.promises = promises;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public String of(Long customerId, LocalDate today) {
        Customer customer = customers.get(customerId);
        StringBuilder text = new StringBuilder();
        text.append(customer.getName()).append(" (").append(customer.getExternalId()).append(")\n\n");
        text.append("À appeler :\n");
        customer.getContacts().forEach(contact -> text.append("- ").append(contact.getName()).append(", ")
                .append(contact.getRole()).append(", ").append(orDash(contact.getPhone())).append(", ")
                .append(orDash(contact.getEmail())).append('\n'));
        List<Invoice> overdue = ledger.overdue(customerId, today);
        BigDecimal total = overdue.stream().map(Invoice::getOutstandingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        text.append("\nFactures échues (").append(total).append(") :\n");
        overdue.stream().limit(LISTED_INVOICES).forEach(invoice -> text.append("- ").append(invoice.getNumber())
                .append(", échéance ").append(invoice.getDueDate().format(FRENCH_DATE)).append(", ")
                .append(invoice.getAmount()).append(' ').append(invoice.getCurrency()).append(", reste dû ")
                .append(invoice.getOutstandingAmount()).append(", ").append(invoice.daysLate(today)).append(" j de retard\n"));
        if (overdue.size() > LISTED_INVOICES) {
            text.append("- … et ").append(overdue.size() - LISTED_INVOICES)
                    .append(" autres factures plus récentes (page du client)\n");
        }
        List<Payment> received = payments.latestOfCustomer(customerId, RECENT);
        text.append("\nDerniers paiements :\n");
        received.forEach(payment -> text.append("- ")
                .append(payment.getPaymentDate().format(FRENCH_DATE)).append(", ").append(payment.getAmount()).append(' ')
                .append(payment.getCurrency()).append(", ").append(payment.getBankReference()).append('\n'));
        if (received.isEmpty()) {
            text.append("- aucun\n");
        }
        List<Communication> sent = communications.latestOfCustomer(customerId, RECENT);
        text.append("\nRelances envoyées :\n");
        sent.forEach(communication -> text.append("- ")
                .append(communication.getCreatedAt().atZone(clock.getZone()).toLocalDate().format(FRENCH_DATE))
                .append(", ").append(communication.getStep()).append(" (niveau ").append(communication.getLevel())
                .append("), ").append(orDash(communication.getRecipientName())).append('\n'));
        if (sent.isEmpty()) {
            text.append("- aucune\n");
        }
        List<org.encaisse.dispute.DisputeView> contested = disputes.ofCustomer(customerId).stream()
                .filter(dispute -> "OPEN".equals(dispute.status())).toList();
        text.append("\nLitiges en cours :\n");
        contested.forEach(dispute -> text.append("- ").append(dispute.invoiceNumber()).append(", ")
                .append(dispute.category()).append(", ")
                // What the customer wrote on its page is quoted, so the collector knows it before dialing.
                .append(dispute.openedBy() != null && dispute.openedBy().startsWith("portal:")
                        ? "contestée par le client sur son espace client le " : "ouvert le ")
                .append(dispute.openedAt().atZone(clock.getZone()).toLocalDate().format(FRENCH_DATE))
                .append(dispute.description() == null || dispute.description().isBlank() ? ""
                        : " : « " + shortened(dispute.description()) + " »").append('\n'));
        if (contested.isEmpty()) {
            text.append("- aucun\n");
        }
        List<org.encaisse.payment.PaymentAnnouncement> announced = announcedPayments.toCheck(customerId);
        if (!announced.isEmpty()) {
            text.append("\nPaiements annoncés par le client, à vérifier :\n");
            announced.forEach(announcement -> text.append("- ").append(announcement.getAmount()).append(' ')
                    .append(announcement.getCurrency()).append(" payé le ")
                    .append(announcement.getPaidOn().format(FRENCH_DATE))
                    .append(announcement.getBankReference() == null ? "" : ", réf. " + announcement.getBankReference())
                    .append('\n'));
        }
        List<PromiseToPay> promised = promises.latestOfCustomer(customerId, RECENT);
        text.append("\nPromesses :\n");
        promised.forEach(promise -> text.append("- ").append(promise.getAmount()).append(" pour le ")
                .append(promise.getPromisedDate().format(FRENCH_DATE)).append(", ").append(promise.getStatus()).append('\n'));
        if (promised.isEmpty()) {
            text.append("- aucune\n");
        }
        return text.length() <= MAX_LENGTH ? text.toString() : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String shortened(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
