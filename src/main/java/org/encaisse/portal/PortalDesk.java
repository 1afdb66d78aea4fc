package org.encaisse.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.encaisse.audit.AuditTrail;
import org.encaisse.communication.Communication;
import org.encaisse.communication.CommunicationLog;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.customer.PortalLinks;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.letter.Creditor;
import org.encaisse.letter.LetterTemplates;
import org.encaisse.letter.PdfDocuments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer's side of its account, read through a portal link; each visit is in the audit trail. */
@Service
class PortalDesk {

    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final CommunicationLog communications;
    private final AuditTrail audit;
    private final Clock clock;
    private final Creditor creditor;
    private final LetterTemplates templates;
    private final PdfDocuments pdf;

    PortalDesk(CustomerDirectory customers, InvoiceLedger ledger, CommunicationLog communications, AuditTrail audit,
               Clock clock, Creditor creditor, LetterTemplates templates, PdfDocuments pdf) {
        this.templates = templates;
        this.pdf = pdf;
        this.creditor = creditor;
        this.customers = customers;
        this.ledger = ledger;
        this.communications = communications;
        this.audit = audit;
        this.clock = clock;
    }

    /** The actor of a portal visit in the audit trail: the link's id (never the token) and where it came from. */
    static String actor(PortalLinks.PortalAccess access, String ip) {
        return "portal:link " + access.tokenId() + " from " + ip;
    }

    /** The account as a PDF statement, in the customer's language; the download is audited like a visit. */
    @Transactional
    public byte[] statement(PortalLinks.PortalAccess access, String ip) {
        PortalAccount account = account(access, ip, "PORTAL_STATEMENT_DOWNLOADED");
        java.util.Locale locale = "en".equals(account.language()) ? java.util.Locale.UK : java.util.Locale.FRANCE;
        return pdf.render(templates.document("statement", Map.of("account", account), locale));
    }

    @Transactional
    public PortalAccount account(PortalLinks.PortalAccess access, String ip) {
        return account(access, ip, "PORTAL_VISITED");
    }

    private PortalAccount account(PortalLinks.PortalAccess access, String ip, String action) {
        Customer customer = customers.get(access.customerId());
        LocalDate today = LocalDate.now(clock);
        List<Invoice> open = ledger.ofCustomer(customer.getId()).stream()
                .filter(invoice -> invoice.getOutstandingAmount().signum() > 0).toList();
        List<Communication> sent = communications.ofCustomer(customer.getId()).stream()
                .filter(letter -> letter.getStatus() == Communication.Status.SENT)
                .sorted(Comparator.comparing(Communication::getSentAt).reversed()).toList();
        Map<String, BigDecimal[]> byCurrency = new LinkedHashMap<>();
        for (Invoice invoice : open) {
            BigDecimal[] sums = byCurrency.computeIfAbsent(invoice.getCurrency(),
                    currency -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(invoice.getOutstandingAmount());
            if (invoice.isOverdue(today)) {
                sums[1] = sums[1].add(invoice.getOutstandingAmount());
            }
        }
        List<PortalAccount.Total> totals = new ArrayList<>();
        byCurrency.forEach((currency, sums) -> totals.add(new PortalAccount.Total(currency, sums[0], sums[1],
                penaltiesOfLatestClaim(sent, currency))));
        audit.append(actor(access, ip), action, customer.getId(), customer.getExternalId(), null,
                open.size() + " open invoice(s) shown");
        return new PortalAccount(creditor.name(), creditor.email(), creditor.phone(), creditor.iban(), customer.getName(), customer.getLanguage(), today, totals,
                open.stream().map(invoice -> new PortalAccount.OpenInvoice(invoice.getNumber(), invoice.getIssueDate(),
                        invoice.getDueDate(), invoice.getAmount(), invoice.getOutstandingAmount(), invoice.getCurrency(),
                        Math.max(0, invoice.daysLate(today)), invoice.getStatus().name())).toList(),
                sent.stream().map(letter -> new PortalAccount.SentLetter(letter.getSentAt(), letter.getSubject(),
                        letter.getTotalOutstanding(), letter.getCurrency(), letter.getTotalInterest(),
                        letter.getTotalCompensation())).toList());
    }

    /** The interest and fixed compensation the latest letter claiming penalties in this currency stated. */
    private static BigDecimal penaltiesOfLatestClaim(List<Communication> sentNewestFirst, String currency) {
        return sentNewestFirst.stream()
                .filter(letter -> currency.equals(letter.getCurrency()) && letter.getStep().claimsLatePaymentPenalties())
                .findFirst()
                .map(letter -> nullToZero(letter.getTotalInterest()).add(nullToZero(letter.getTotalCompensation())))
                .orElse(BigDecimal.ZERO);
    }

    private static BigDecimal nullToZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
