package org.encaisse.agency;

import java.util.List;
import java.util.Optional;

import org.encaisse.communication.Communication;
import org.encaisse.communication.CommunicationLog;
import org.encaisse.communication.CommunicationStep;
import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands a case to the collection agency once the manager approved: the chased invoices turn
 * AT_AGENCY (the path stops chasing them), the customer's handoff notice is recorded, and the
 * handoff itself, once per case.
 */
@Service
public class AgencyDesk {

    private final org.encaisse.audit.AuditTrail audit;

    private final AgencyHandoffs handoffs;
    private final InvoiceLedger ledger;
    private final CommunicationLog communications;

    private final org.encaisse.insurance.InsuranceCoverBook insurance;

    AgencyDesk(AgencyHandoffs handoffs, InvoiceLedger ledger, CommunicationLog communications,
               org.encaisse.audit.AuditTrail audit, org.encaisse.insurance.InsuranceCoverBook insurance) {
        this.insurance = insurance;
        this.audit = audit;
        this.handoffs = handoffs;
        this.ledger = ledger;
        this.communications = communications;
    }

    @Transactional
    public void recordReference(String caseId, String reference) {
        find(caseId).recordReference(reference);
    }

    @Transactional
    public void recordResult(String caseId, java.math.BigDecimal recovered) {
        find(caseId).close(recovered);
    }

    private AgencyHandoff find(String caseId) {
        return handoffs.findByCaseId(caseId)
                .orElseThrow(() -> new NotFoundException("No agency handoff for case '" + caseId + "'."));
    }

    @Transactional
    public Optional<AgencyHandoff> handOver(Long customerId, String caseId, String approvedBy, java.time.LocalDate asOf) {
        Optional<AgencyHandoff> earlier = handoffs.findByCaseId(caseId);
        if (earlier.isPresent()) {
            return earlier;
        }
        Optional<Communication> notice = communications.record(caseId + "/agency-handoff", caseId, customerId,
                CommunicationStep.AGENCY_HANDOFF_NOTICE);
        if (notice.isEmpty()) {
            return Optional.empty();
        }
        List<Invoice> chased = ledger.overdue(customerId, asOf);
        chased.forEach(ledger::handOverToAgency);
        String insurer = insurance.collectingInsurer(customerId).orElse(null);
        audit.append(approvedBy == null ? "rule:agency handoff" : approvedBy, "HANDED_TO_AGENCY", customerId,
                "case " + caseId, chased.stream().map(Invoice::getNumber).toList(),
                notice.get().getTotalOutstanding() + " " + notice.get().getCurrency() + " handed over"
                        + (insurer == null ? " to the collection agency" : " to the collection service of " + insurer
                        + ", as the credit insurance policy says"));
        return Optional.of(handoffs.save(new AgencyHandoff(customerId, caseId, notice.get().getTotalOutstanding(),
                notice.get().getCurrency(), approvedBy, insurer)));
    }
}
