package org.encaisse.dispute;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.encaisse.communication.CommunicationLog;
import org.encaisse.communication.CommunicationStep;
import org.encaisse.input.ConflictException;
import org.encaisse.input.FieldReader;
import org.encaisse.input.InputErrors;
import org.encaisse.input.NotFoundException;
import org.encaisse.input.SourcePosition;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens disputes, routes them to the team that settles them and applies their resolution to the
 * invoice. While a dispute is open its invoice is DISPUTED, which keeps it out of reminders.
 */
@Service
public class DisputeDesk {

    private final org.encaisse.audit.AuditTrail audit;

    private final Disputes disputes;
    private final InvoiceLedger ledger;
    private final RuntimeService runtime;
    private final CommunicationLog communications;

    DisputeDesk(Disputes disputes, InvoiceLedger ledger, RuntimeService runtime, CommunicationLog communications, org.encaisse.audit.AuditTrail audit) {
        this.audit = audit;
        this.communications = communications;
        this.disputes = disputes;
        this.ledger = ledger;
        this.runtime = runtime;
    }

    /** Records the dispute and starts its resolution path, in one transaction. */
    @Transactional
    public DisputeView open(DisputeRequest request, String openedBy) {
        InputErrors errors = new InputErrors();
        FieldReader fields = new FieldReader(errors, SourcePosition.item(1));
        String number = fields.text("invoiceNumber", request.invoiceNumber(), true, 50);
        DisputeCategory category = fields.choice("category", request.category(), DisputeCategory.class, true);
        String description = fields.text("description", request.description(), false, 2000);
        Invoice invoice = number == null ? null : ledger.find(number).orElse(null);
        if (number != null && invoice == null) {
            fields.reject("invoiceNumber", "is not a known invoice", number);
        }
        errors.throwIfAny("the dispute");
        disputes.findByOpenInvoiceId(invoice.getId()).ifPresent(open -> {
            throw new ConflictException("Invoice " + number + " already has an open dispute (id " + open.getId() + ").");
        });
        if (invoice.getOutstandingAmount().signum() == 0) {
            throw new ConflictException("Invoice " + number + " is fully paid or credited; there is nothing to dispute.");
        }
        Dispute dispute = disputes.saveAndFlush(new Dispute(invoice.getId(), category, description, openedBy));
        audit.append(openedBy, "DISPUTE_OPENED", invoice.getCustomerId(), "dispute " + dispute.getId(),
                List.of(invoice.getNumber()), category.name() + (description == null ? "" : ": " + description));
        ledger.markDisputed(invoice);
        ProcessInstance instance = runtime.startProcessInstanceByKey(DisputeVariables.PROCESS, number, Map.of(
                DisputeVariables.DISPUTE_ID, dispute.getId(),
                DisputeVariables.INVOICE_NUMBER, number,
                DisputeVariables.CATEGORY, category.name()));
        return view(dispute, number, instance.getId());
    }

    /** Records the acknowledgement the customer receives, once per dispute. */
    @Transactional
    public void acknowledge(Long disputeId) {
        Dispute dispute = find(disputeId);
        List<Invoice> disputed = ledger.byIds(List.of(dispute.getInvoiceId()));
        communications.record("dispute-" + disputeId + "/acknowledgement", null, disputed.get(0).getCustomerId(),
                CommunicationStep.DISPUTE_ACKNOWLEDGEMENT, disputed);
    }

    @Transactional
    public void route(Long disputeId, String group) {
        find(disputeId).routeTo(group);
    }

    /** Refuses, with a message for the resolver, a resolution that does not fit the invoice. */
    @Transactional(readOnly = true)
    public void check(Long disputeId, String resolution, BigDecimal creditNote, BigDecimal corrected) {
        Dispute dispute = find(disputeId);
        Invoice invoice = invoiceOf(dispute);
        DisputeResolution kind = resolutionOf(resolution);
        if (kind == DisputeResolution.CREDIT_NOTE) {
            if (creditNote == null || creditNote.signum() <= 0) {
                throw new InvalidResolutionException("Indiquez le montant de l'avoir. / Enter the credit note amount.");
            }
            if (creditNote.compareTo(invoice.getOutstandingAmount()) > 0) {
                throw new InvalidResolutionException("L'avoir dépasse le reste dû de " + invoice.getOutstandingAmount()
                        + " " + invoice.getCurrency() + ". / The credit note exceeds the "
                        + invoice.getOutstandingAmount() + " " + invoice.getCurrency() + " outstanding.");
            }
        }
        if (kind == DisputeResolution.CORRECTED_INVOICE) {
            BigDecimal settled = invoice.paidAmount().add(invoice.getCreditedAmount());
            if (corrected == null || corrected.signum() <= 0) {
                throw new InvalidResolutionException("Indiquez le montant corrigé. / Enter the corrected amount.");
            }
            if (corrected.compareTo(settled) < 0) {
                throw new InvalidResolutionException("Le montant corrigé est inférieur aux " + settled + " "
                        + invoice.getCurrency() + " déjà réglés. / The corrected amount is below the " + settled
                        + " " + invoice.getCurrency() + " already settled.");
            }
        }
    }

    @Transactional
    public void resolve(Long disputeId, String resolution, BigDecimal creditNote, BigDecimal corrected,
                        String comment, String resolvedBy) {
        check(disputeId, resolution, creditNote, corrected);
        Dispute dispute = find(disputeId);
        Invoice invoice = invoiceOf(dispute);
        DisputeResolution kind = resolutionOf(resolution);
        BigDecimal amount = switch (kind) {
            case CREDIT_NOTE -> creditNote;
            case CORRECTED_INVOICE -> corrected;
            case REJECTED -> null;
        };
        if (kind == DisputeResolution.CREDIT_NOTE) {
            ledger.credit(invoice, creditNote);
        } else if (kind == DisputeResolution.CORRECTED_INVOICE) {
            ledger.correctAmount(invoice, corrected);
        }
        ledger.endDispute(invoice);
        dispute.resolve(kind, amount, comment, resolvedBy);
        audit.append(resolvedBy, "DISPUTE_RESOLVED", invoice.getCustomerId(), "dispute " + disputeId,
                List.of(invoice.getNumber()), kind.name() + (amount == null ? "" : " " + amount)
                        + (comment == null ? "" : ": " + comment));
    }

    @Transactional(readOnly = true)
    public DisputeView view(Long disputeId) {
        Dispute dispute = find(disputeId);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(DisputeVariables.PROCESS)
                .variableValueEquals(DisputeVariables.DISPUTE_ID, disputeId)
                .singleResult();
        return view(dispute, invoiceOf(dispute).getNumber(), instance == null ? null : instance.getId());
    }

    /** Every dispute of the customer's invoices, oldest first. */
    @Transactional(readOnly = true)
    public java.util.List<DisputeView> ofCustomer(Long customerId) {
        java.util.Map<Long, String> numbers = new java.util.HashMap<>();
        ledger.ofCustomer(customerId).forEach(invoice -> numbers.put(invoice.getId(), invoice.getNumber()));
        return ofInvoices(numbers.keySet(), numbers);
    }

    /** Every dispute, open or resolved, raised on these invoices, oldest first. */
    @Transactional(readOnly = true)
    public java.util.List<DisputeView> ofInvoices(java.util.Collection<Long> invoiceIds, java.util.Map<Long, String> numbers) {
        return disputes.findByInvoiceIdInOrderByOpenedAt(invoiceIds).stream()
                .map(dispute -> view(dispute, numbers.get(dispute.getInvoiceId()), null))
                .toList();
    }

    private static DisputeResolution resolutionOf(String resolution) {
        try {
            return DisputeResolution.valueOf(resolution);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new InvalidResolutionException("Choisissez une issue : avoir, facture corrigée ou litige rejeté. "
                    + "/ Choose an outcome: credit note, corrected invoice or rejected.");
        }
    }

    private Dispute find(Long id) {
        return disputes.findById(id).orElseThrow(() -> new NotFoundException("No dispute with id " + id + "."));
    }

    private Invoice invoiceOf(Dispute dispute) {
        return ledger.all(java.util.List.of(dispute.getInvoiceId())).get(0);
    }

    private static DisputeView view(Dispute dispute, String invoiceNumber, String processInstanceId) {
        return new DisputeView(dispute.getId(), invoiceNumber, dispute.getCategory().name(), dispute.getDescription(),
                dispute.getRoutedGroup(), dispute.getStatus().name(),
                dispute.getResolution() == null ? null : dispute.getResolution().name(), dispute.getResolutionAmount(),
                dispute.getResolutionComment(), dispute.getOpenedBy(), dispute.getOpenedAt(), dispute.getResolvedBy(),
                dispute.getResolvedAt(), processInstanceId);
    }
}
