package org.encaisse.insurance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.encaisse.audit.AuditTrail;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The declarations an insured customer's overdue invoices need: planned with their deadline when the customer falls
 * overdue, then declared in time, paid before, or lost. Each step is keyed by its process instance, so that a
 * retried job finds the step done and does nothing twice.
 */
@Service
public class DeclarationDesk {

    private final InsuranceDeclarations declarations;
    private final InsuranceCoverBook covers;
    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;
    private final int leadDays;

    DeclarationDesk(InsuranceDeclarations declarations, InsuranceCoverBook covers, CustomerDirectory customers,
                    InvoiceLedger ledger, AuditTrail audit, Clock clock,
                    @Value("${encaisse.insurance.declaration-lead-days:10}") int leadDays) {
        this.declarations = declarations;
        this.covers = covers;
        this.customers = customers;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.leadDays = leadDays;
    }

    /**
     * {@code toDeclare}: whether invoices wait for a declaration by {@code deadline}; the managers are asked from
     * {@code askFrom}, the lead before it, and the cover is lost after {@code lostAfter}, the deadline's last second.
     */
    public record Plan(boolean toDeclare, LocalDate deadline, Date askFrom, Date lostAfter, int invoices) {
    }

    /**
     * The customer's overdue invoices not declared yet, issued while the cover stood: those whose deadline already
     * passed are lost at once (recorded so, never hidden); the others wait for one declaration, due by the
     * earliest of their deadlines.
     */
    @Transactional
    public Plan plan(String processInstanceId, Long customerId, PolicyRules.Rules rules) {
        Optional<InsuranceDeclaration> planned = declarations.findByProcessInstanceId(processInstanceId);
        if (planned.isPresent()) {
            return planOf(planned.get());
        }
        LocalDate today = LocalDate.now(clock);
        Optional<InsuranceCover> cover = covers.covering(customerId);
        if (cover.isEmpty()) {
            return new Plan(false, null, null, null, 0);
        }
        Set<String> declared = new HashSet<>(declarations.declaredNumbers(customerId,
                EnumSet.allOf(InsuranceDeclaration.State.class)));
        List<DeclaredInvoice> inTime = new ArrayList<>();
        List<DeclaredInvoice> late = new ArrayList<>();
        for (Invoice invoice : undeclaredOverdue(customerId, cover.get(), declared, today)) {
            DeclaredInvoice line = new DeclaredInvoice(invoice.getNumber(), invoice.getDueDate(),
                    invoice.getOutstandingAmount(), invoice.getCurrency());
            (invoice.getDueDate().plusDays(rules.maxExtensionDays()).isBefore(today) ? late : inTime).add(line);
        }
        Instant now = clock.instant();
        Customer customer = customers.get(customerId);
        if (!late.isEmpty()) {
            LocalDate missed = late.get(0).dueDate().plusDays(rules.maxExtensionDays());
            declarations.save(new InsuranceDeclaration(customerId, processInstanceId + ":late", cover.get(), missed, late,
                    InsuranceDeclaration.State.COVER_LOST, now));
            audit.append("system", "INSURANCE_COVER_LOST", customerId, customer.getExternalId(), numbers(late),
                    "Déclaration à %s non faite avant le %s : couverture perdue / not declared to %s by %s: cover lost"
                            .formatted(cover.get().getInsurer(), missed, cover.get().getInsurer(), missed));
        }
        if (inTime.isEmpty()) {
            return new Plan(false, null, null, null, 0);
        }
        LocalDate deadline = inTime.stream().map(line -> line.dueDate().plusDays(rules.maxExtensionDays()))
                .min(LocalDate::compareTo).orElseThrow();
        InsuranceDeclaration declaration = declarations.save(new InsuranceDeclaration(customerId, processInstanceId,
                cover.get(), deadline, inTime, InsuranceDeclaration.State.AWAITED, now));
        audit.append("system", "INSURANCE_DECLARATION_DUE", customerId, customer.getExternalId(), numbers(inTime),
                "À déclarer à %s (police %s) au plus tard le %s / to declare by %s".formatted(cover.get().getInsurer(),
                        cover.get().getPolicyNumber(), deadline, deadline));
        return planOf(declaration);
    }

    /** Keeps the invoices still unpaid; none left means the declaration is not needed, and says so. */
    @Transactional
    public boolean stillUnpaid(String processInstanceId) {
        InsuranceDeclaration declaration = get(processInstanceId);
        if (declaration.getState() != InsuranceDeclaration.State.AWAITED) {
            return declaration.getState() != InsuranceDeclaration.State.PAID;
        }
        List<DeclaredInvoice> unpaid = new ArrayList<>();
        for (DeclaredInvoice line : declaration.getInvoices()) {
            ledger.find(line.number()).filter(invoice -> invoice.getOutstandingAmount().signum() > 0)
                    .ifPresent(invoice -> unpaid.add(new DeclaredInvoice(line.number(), line.dueDate(),
                            invoice.getOutstandingAmount(), line.currency())));
        }
        if (unpaid.isEmpty()) {
            declaration.paid(clock.instant());
            return false;
        }
        declaration.keepOnly(unpaid);
        return true;
    }

    @Transactional
    public void declared(String processInstanceId, String insurerReference, String by) {
        InsuranceDeclaration declaration = get(processInstanceId);
        if (declaration.getState() != InsuranceDeclaration.State.AWAITED) {
            return;
        }
        declaration.declared(insurerReference, by, clock.instant());
        audit.append(by, "INSURANCE_DECLARED", declaration.getCustomerId(),
                customers.get(declaration.getCustomerId()).getExternalId(), numbers(declaration.getInvoices()),
                "Déclaré à %s le %s, référence %s (échéance du %s) / declared in time".formatted(declaration.getInsurer(),
                        LocalDate.now(clock), insurerReference, declaration.getDeadline()));
    }

    /** The deadline passed undeclared: the insurer owes nothing on these invoices any more. */
    @Transactional
    public InsuranceDeclaration coverLost(String processInstanceId) {
        InsuranceDeclaration declaration = get(processInstanceId);
        if (declaration.getState() == InsuranceDeclaration.State.AWAITED) {
            declaration.coverLost(clock.instant());
            audit.append("system", "INSURANCE_COVER_LOST", declaration.getCustomerId(),
                    customers.get(declaration.getCustomerId()).getExternalId(), numbers(declaration.getInvoices()),
                    "Déclaration à %s non faite avant le %s : couverture perdue / not declared by %s: cover lost"
                            .formatted(declaration.getInsurer(), declaration.getDeadline(), declaration.getDeadline()));
        }
        return declaration;
    }

    /** A manager took note of a lost cover and said what will be done about the invoices. */
    @Transactional
    public void lossAcknowledged(String processInstanceId, String comment, String by) {
        InsuranceDeclaration declaration = get(processInstanceId);
        audit.append(by, "INSURANCE_COVER_LOSS_ACKNOWLEDGED", declaration.getCustomerId(),
                customers.get(declaration.getCustomerId()).getExternalId(), numbers(declaration.getInvoices()), comment);
    }

    /** Whether the customer has overdue invoices, issued while its cover stood, that no declaration holds yet. */
    @Transactional(readOnly = true)
    public boolean hasUndeclaredOverdue(Long customerId, LocalDate asOf) {
        Optional<InsuranceCover> cover = covers.covering(customerId);
        if (cover.isEmpty()) {
            return false;
        }
        Set<String> declared = new HashSet<>(declarations.declaredNumbers(customerId,
                EnumSet.allOf(InsuranceDeclaration.State.class)));
        return !undeclaredOverdue(customerId, cover.get(), declared, asOf).isEmpty();
    }

    @Transactional(readOnly = true)
    public List<InsuranceDeclaration> ofCustomer(String externalId) {
        return declarations.findByCustomerIdOrderByCreatedAtDesc(customers.get(externalId).getId());
    }

    @Transactional(readOnly = true)
    public List<InsuranceDeclaration> inState(InsuranceDeclaration.State state) {
        return declarations.findByStateOrderByDeadline(state);
    }

    @Transactional(readOnly = true)
    public InsuranceDeclaration get(String processInstanceId) {
        return declarations.findByProcessInstanceId(processInstanceId).orElseThrow(() ->
                new NotFoundException("No insurance declaration for process instance " + processInstanceId + "."));
    }

    private List<Invoice> undeclaredOverdue(Long customerId, InsuranceCover cover, Set<String> declared, LocalDate asOf) {
        return ledger.ofCustomer(customerId).stream()
                .filter(invoice -> invoice.getOutstandingAmount().signum() > 0 && invoice.isOverdue(asOf))
                .filter(invoice -> !invoice.getIssueDate().isBefore(cover.getGrantedOn()))
                .filter(invoice -> !declared.contains(invoice.getNumber()))
                .toList();
    }

    private Plan planOf(InsuranceDeclaration declaration) {
        if (declaration.getState() != InsuranceDeclaration.State.AWAITED) {
            return new Plan(false, declaration.getDeadline(), null, null, declaration.getInvoices().size());
        }
        LocalDate deadline = declaration.getDeadline();
        Date askFrom = Date.from(deadline.minusDays(leadDays).atTime(LocalTime.of(8, 0)).atZone(clock.getZone()).toInstant());
        Date lostAfter = Date.from(deadline.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        return new Plan(true, deadline, askFrom, lostAfter, declaration.getInvoices().size());
    }

    private static List<String> numbers(List<DeclaredInvoice> lines) {
        return lines.stream().map(DeclaredInvoice::number).toList();
    }

    static BigDecimal total(List<DeclaredInvoice> lines) {
        return lines.stream().map(DeclaredInvoice::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
