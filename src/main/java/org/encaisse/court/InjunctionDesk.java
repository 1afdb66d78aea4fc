package org.encaisse.court;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.encaisse.audit.AuditTrail;
import org.encaisse.communication.Communication;
import org.encaisse.communication.CommunicationArchive;
import org.encaisse.communication.CommunicationDocument;
import org.encaisse.communication.CommunicationLog;
import org.encaisse.communication.CommunicationStep;
import org.encaisse.communication.LatePenalties;
import org.encaisse.customer.ContactRole;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.letter.Creditor;
import org.encaisse.payment.PaymentHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The injunction to pay of a collection case, from the request to the outcome. Filing interrupts the claims'
 * limitation (Code civil 2241); a rejected request undoes that (2243) and the debts are chased again; an order no
 * longer open to opposition is an enforceable title, ten years to enforce it.
 */
@Service
public class InjunctionDesk {

    /** The letters that prove the debtor was asked to pay, in the order they went out. */
    private static final List<CommunicationStep> DEMANDS = List.of(CommunicationStep.FIRM_LETTER,
            CommunicationStep.FORMAL_NOTICE);

    private final InjunctionFilings filings;
    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final PaymentHistory payments;
    private final LatePenalties penalties;
    private final CommunicationLog communications;
    private final CommunicationArchive archive;
    private final InjunctionRequestDocument document;
    private final Creditor creditor;
    private final AuditTrail audit;

    InjunctionDesk(InjunctionFilings filings, CustomerDirectory customers, InvoiceLedger ledger, PaymentHistory payments,
                   LatePenalties penalties, CommunicationLog communications, CommunicationArchive archive,
                   InjunctionRequestDocument document, Creditor creditor, AuditTrail audit) {
        this.filings = filings;
        this.customers = customers;
        this.ledger = ledger;
        this.payments = payments;
        this.penalties = penalties;
        this.communications = communications;
        this.archive = archive;
        this.document = document;
        this.creditor = creditor;
        this.audit = audit;
    }

    /**
     * Prepares the request for the invoices the case chases, computed to {@code asOf}: once per case, so a retried
     * job returns the request already prepared.
     */
    @Transactional
    public InjunctionFiling prepare(String caseId, Long customerId, String decidedBy, LocalDate asOf) {
        Optional<InjunctionFiling> earlier = filings.findByCaseId(caseId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Customer customer = customers.get(customerId);
        List<Invoice> claimed = ledger.overdue(customerId, asOf).stream().filter(ledger::isChased).toList();
        if (claimed.isEmpty()) {
            throw new IllegalStateException("Case " + caseId + " of " + customer.getExternalId()
                    + " has no overdue invoice left to claim in court.");
        }
        String currency = claimed.get(0).getCurrency();
        Map<Long, BigDecimal> interest = penalties.interest(customer, claimed, payments.ofCustomer(customerId), asOf);
        List<ClaimedInvoice> lines = claimed.stream().filter(invoice -> invoice.getCurrency().equals(currency))
                .map(invoice -> new ClaimedInvoice(invoice.getId(), invoice.getNumber(), invoice.getIssueDate(),
                        invoice.getDueDate(), invoice.getOutstandingAmount(), interest.get(invoice.getId())))
                .toList();
        // D441-5: the 40 EUR are owed per late invoice, in euros only.
        BigDecimal compensation = "EUR".equals(currency)
                ? penalties.fixedCompensation().multiply(BigDecimal.valueOf(lines.size())) : BigDecimal.ZERO.setScale(2);
        InjunctionFiling filing = new InjunctionFiling(customerId, caseId, currency, lines, compensation, asOf, decidedBy);
        List<CommunicationDocument> annexes = new ArrayList<>();
        InjunctionRequest request = request(customer, filing, annexes);
        byte[] pdf = document.render(request, annexes);
        filing.attach(pdf, sha256(pdf));
        audit.append(decidedBy == null ? "rule:injunction" : decidedBy, "INJUNCTION_PREPARED", customerId,
                "case " + caseId, lines.stream().map(ClaimedInvoice::invoiceNumber).toList(),
                filing.total() + " " + currency + " claimed, computed to " + asOf);
        return filings.save(filing);
    }

    /** The request was lodged at the court's registry on {@code day}: the claims' limitation stops (2241). */
    @Transactional
    public InjunctionFiling file(String caseId, String court, LocalDate day, String by) {
        InjunctionFiling filing = get(caseId);
        if (filing.getStatus() != InjunctionFiling.Status.PREPARED) {
            return filing;
        }
        filing.filed(court, day, by);
        ledger.fileCourtClaim(claimedInvoices(filing), day);
        audit.append(by, "INJUNCTION_FILED", filing.getCustomerId(), "case " + caseId + " at " + court + " on " + day,
                numbers(filing), "limitation interrupted (Code civil 2241)");
        return filing;
    }

    /** The judge's order: granted, or rejected, which voids the interruption (2243) and sends the debts back. */
    @Transactional
    public InjunctionFiling recordOrder(String caseId, boolean granted, LocalDate day, String reference, String by) {
        InjunctionFiling filing = get(caseId);
        if (filing.getStatus() != InjunctionFiling.Status.FILED) {
            return filing;
        }
        filing.ordered(granted, day, reference);
        if (!granted) {
            ledger.dropCourtClaim(claimedInvoices(filing));
        }
        audit.append(by, granted ? "INJUNCTION_GRANTED" : "INJUNCTION_REJECTED", filing.getCustomerId(),
                "case " + caseId + ", order of " + day + (reference == null ? "" : " (" + reference + ")"), numbers(filing),
                granted ? null : "the debts are chased again; the interruption of limitation is void (Code civil 2243)");
        return filing;
    }

    /** Served on the debtor on {@code day}: one month to oppose it (CPC 1416). */
    @Transactional
    public InjunctionFiling recordService(String caseId, LocalDate day, String by) {
        InjunctionFiling filing = get(caseId);
        if (filing.getStatus() != InjunctionFiling.Status.GRANTED) {
            return filing;
        }
        filing.served(day, OppositionWindow.lastDay(day));
        audit.append(by, "INJUNCTION_SERVED", filing.getCustomerId(), "case " + caseId + ", served on " + day,
                numbers(filing), "opposition possible until " + filing.getOppositionDeadline());
        return filing;
    }

    /**
     * After the opposition window: without opposition the order is an enforceable title from the next day; with
     * one, the claim goes on before the court and its clock stays still.
     */
    @Transactional
    public InjunctionFiling close(String caseId, boolean opposed, BigDecimal recovered, String by) {
        InjunctionFiling filing = get(caseId);
        if (filing.getStatus() != InjunctionFiling.Status.SERVED) {
            return filing;
        }
        LocalDate titleFrom = filing.getOppositionDeadline().plusDays(1);
        filing.closed(opposed, recovered, titleFrom);
        if (!opposed) {
            ledger.obtainEnforceableTitle(claimedInvoices(filing), titleFrom);
        }
        audit.append(by, opposed ? "INJUNCTION_OPPOSED" : "INJUNCTION_ENFORCEABLE", filing.getCustomerId(),
                "case " + caseId, numbers(filing), recovered + " " + filing.getCurrency() + " recovered"
                        + (opposed ? "; the debtor opposed the order" : "; enforceable title from " + titleFrom));
        return filing;
    }

    @Transactional(readOnly = true)
    public InjunctionFiling get(String caseId) {
        return filings.findByCaseId(caseId)
                .orElseThrow(() -> new NotFoundException("No injunction to pay for case '" + caseId + "'."));
    }

    @Transactional(readOnly = true)
    public InjunctionView view(String caseId) {
        return InjunctionView.of(get(caseId));
    }

    /** The request's PDF as prepared. */
    @Transactional(readOnly = true)
    public byte[] document(String caseId) {
        return get(caseId).getDocument();
    }

    private List<Invoice> claimedInvoices(InjunctionFiling filing) {
        return ledger.byIds(filing.getInvoices().stream().map(ClaimedInvoice::invoiceId).toList());
    }

    private static List<String> numbers(InjunctionFiling filing) {
        return filing.getInvoices().stream().map(ClaimedInvoice::invoiceNumber).toList();
    }

    private InjunctionRequest request(Customer customer, InjunctionFiling filing, List<CommunicationDocument> annexes) {
        List<InjunctionRequest.Evidence> evidence = new ArrayList<>();
        for (ClaimedInvoice invoice : filing.getInvoices()) {
            evidence.add(new InjunctionRequest.Evidence(evidence.size() + 1, "Facture n° " + invoice.invoiceNumber()
                    + " du " + invoice.issueDate() + ", échue le " + invoice.dueDate(), null, null, null, null, false));
        }
        for (Communication sent : communications.ofCustomer(customer.getId())) {
            if (!DEMANDS.contains(sent.getStep()) || sent.getStatus() != Communication.Status.SENT) {
                continue;
            }
            Optional<CommunicationDocument> stored = archive.document(sent.getId());
            stored.ifPresent(annexes::add);
            evidence.add(new InjunctionRequest.Evidence(evidence.size() + 1,
                    (sent.getStep() == CommunicationStep.FORMAL_NOTICE ? "Mise en demeure" : "Relance ferme")
                            + " (" + sent.getSubject() + ")", sent.getSentAt(),
                    sent.getRecipientName() + " <" + sent.getRecipientEmail() + ">", sent.getMessageId(),
                    stored.map(CommunicationDocument::getSha256).orElse(null), stored.isPresent()));
        }
        String representative = customer.getContacts().stream()
                .filter(contact -> contact.getRole() == ContactRole.DIRECTOR).map(contact -> contact.getName())
                .findFirst().orElse(null);
        return new InjunctionRequest(creditor, new InjunctionRequest.Debtor(customer.getExternalId(), customer.getName(),
                customer.getCompanyId(), customer.addressLines(), representative), filing.getCaseId(), filing.getComputedTo(),
                filing.getCurrency(), filing.getInvoices(), filing.getPrincipal(), filing.getInterest(),
                penalties.fixedCompensation(), filing.getCompensation(), filing.total(), customer.getLatePaymentRate(),
                evidence);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
