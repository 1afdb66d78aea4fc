package org.encaisse.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.encaisse.audit.AuditTrail;
import org.encaisse.input.NotFoundException;
import org.encaisse.input.QueryChunks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/** How the other features read invoices and settle them. */
@Service
@Transactional(readOnly = true)
public class InvoiceLedger {

    /** A payment on account is not applied to a disputed or written-off invoice without being told so. */
    private static final EnumSet<InvoiceStatus> PAYABLE_ON_ACCOUNT =
            EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.IN_PLAN, InvoiceStatus.AT_AGENCY,
                    InvoiceStatus.IN_COURT);

    /**
     * Invoices the collection path chases: past due, unpaid, neither disputed nor in a plan or at an agency.
     * {@link Invoices#findOverdueChased} spells the same statuses out.
     */
    private static final EnumSet<InvoiceStatus> CHASED = EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID);

    /** Past due and unpaid, whether chased, in a payment plan or at the agency: the case lasts while any is left. */
    static final EnumSet<InvoiceStatus> STILL_OWED =
            EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.IN_PLAN, InvoiceStatus.AT_AGENCY,
                    InvoiceStatus.IN_COURT);

    /** Owed, or contested but owed all the same if the dispute goes the creditor's way. */
    private static final EnumSet<InvoiceStatus> OWED_OR_DISPUTED =
            EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.IN_PLAN, InvoiceStatus.AT_AGENCY,
                    InvoiceStatus.IN_COURT, InvoiceStatus.DISPUTED);

    private final Invoices invoices;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    InvoiceLedger(Invoices invoices, ApplicationEventPublisher events, AuditTrail audit) {
        this.invoices = invoices;
        this.events = events;
        this.audit = audit;
    }

    public Optional<Invoice> find(String number) {
        return invoices.findByNumber(number);
    }

    public Invoice get(String number) {
        return find(number).orElseThrow(() -> new NotFoundException("No invoice with number '" + number + "'."));
    }

    public List<Invoice> all(Collection<Long> ids) {
        return invoices.findAllById(ids);
    }

    /** The invoices among {@code numbers} that exist, by number. */
    public Map<String, Invoice> findAll(Collection<String> numbers) {
        Map<String, Invoice> found = new HashMap<>();
        for (List<String> chunk : QueryChunks.of(numbers)) {
            invoices.findByNumberIn(chunk).forEach(invoice -> found.put(invoice.getNumber(), invoice));
        }
        return found;
    }

    /** The customers that the invoices among {@code numbers} belong to, without loading the invoices. */
    public List<Long> customerIdsOf(Collection<String> numbers) {
        return QueryChunks.of(numbers).stream().flatMap(chunk -> invoices.findCustomerIds(chunk).stream()).distinct().toList();
    }

    /**
     * Days from issue to due date of each customer's latest invoice, for the customers that have one: the term
     * to give an invoice that arrives without a due date.
     */
    public Map<Long, Integer> usualTermDays(Collection<Long> customerIds) {
        Map<Long, Integer> terms = new HashMap<>();
        for (List<Long> chunk : QueryChunks.of(customerIds)) {
            for (Object[] row : invoices.findLatestTerms(chunk)) {
                int days = (int) java.time.temporal.ChronoUnit.DAYS.between((LocalDate) row[1], (LocalDate) row[2]);
                terms.merge((Long) row[0], days, Math::max);
            }
        }
        return terms;
    }

    /** Every invoice of the customer, oldest due date first. */
    public List<Invoice> ofCustomer(Long customerId) {
        return invoices.findByCustomerIdOrderByDueDateAscIssueDateAscNumberAsc(customerId);
    }

    /** What a reminder on {@code asOf} covers, oldest due date first. */
    public List<Invoice> overdue(Long customerId, java.time.LocalDate asOf) {
        return invoices.findOverdueChased(customerId, asOf);
    }

    /** Unpaid invoices falling due after {@code asOf} and at most {@code days} later: candidates for a pre-due call. */
    public List<Invoice> fallingDue(java.time.LocalDate asOf, int days) {
        return invoices.findFallingDue(asOf, asOf.plusDays(days), CHASED);
    }

    /** Whether the collection path still chases the invoice: unpaid, neither disputed nor in a plan or at an agency. */
    public boolean isChased(Invoice invoice) {
        return invoice.getOutstandingAmount().signum() > 0 && CHASED.contains(invoice.getStatus());
    }

    public List<Invoice> overdueIncludingPlans(Long customerId, java.time.LocalDate asOf) {
        return invoices.findOverdue(customerId, asOf, STILL_OWED);
    }

    /** The invoices of a plan, by id. */
    public List<Invoice> byIds(Collection<Long> ids) {
        return invoices.findAllById(ids);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void putInPlan(Invoice invoice) {
        invoice.putInPlan();
        invoices.save(invoice);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void takeOutOfPlan(Invoice invoice) {
        invoice.takeOutOfPlan();
        invoices.save(invoice);
    }

    /** Customers with at least one invoice that {@link #overdue} would list. */
    public List<Long> customersWithOverdue(java.time.LocalDate asOf) {
        return invoices.findCustomersWithOverdue(asOf, CHASED);
    }

    /** Invoices a payment on account settles, oldest due date first. */
    public List<Invoice> payableOnAccount(Long customerId, String currency) {
        return invoices.findPayable(customerId, currency, PAYABLE_ON_ACCOUNT);
    }

    /**
     * The invoices each of these customers could pay on account, in any currency, oldest due date first: read
     * once for a batch of payments, then narrowed invoice by invoice with {@link #isPayableOnAccount} and
     * {@link #isOverdueChased} as the batch settles them.
     */
    public Map<Long, List<Invoice>> payableOnAccountOf(Collection<Long> customerIds) {
        Map<Long, List<Invoice>> payable = new HashMap<>();
        for (List<Long> chunk : QueryChunks.of(customerIds)) {
            invoices.findPayableOfCustomers(chunk, PAYABLE_ON_ACCOUNT).forEach(invoice ->
                    payable.computeIfAbsent(invoice.getCustomerId(), id -> new java.util.ArrayList<>()).add(invoice));
        }
        return payable;
    }

    /** Whether {@link #payableOnAccount} would list the invoice now, for a payment in {@code currency}. */
    public boolean isPayableOnAccount(Invoice invoice, String currency) {
        return invoice.getCurrency().equals(currency) && invoice.getOutstandingAmount().signum() > 0
                && PAYABLE_ON_ACCOUNT.contains(invoice.getStatus());
    }

    /** Whether {@link #overdue} on {@code asOf} would list the invoice now. */
    public boolean isOverdueChased(Invoice invoice, LocalDate asOf) {
        return isChased(invoice) && invoice.getDueDate().isBefore(asOf);
    }

    /**
     * {@link #payableOf} for many amounts at once, in every currency: by amount (without trailing zeros), oldest due
     * first.
     */
    public Map<BigDecimal, List<Invoice>> payableOfAny(Collection<BigDecimal> amounts) {
        Map<BigDecimal, List<Invoice>> payable = new HashMap<>();
        for (List<BigDecimal> chunk : QueryChunks.of(amounts.stream().map(BigDecimal::stripTrailingZeros).distinct().toList())) {
            invoices.findPayableOfAmounts(chunk, PAYABLE_ON_ACCOUNT).forEach(invoice -> payable.computeIfAbsent(
                    invoice.getOutstandingAmount().stripTrailingZeros(), amount -> new java.util.ArrayList<>()).add(invoice));
        }
        return payable;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void handOverToAgency(Invoice invoice) {
        invoice.handOverToAgency();
        invoices.save(invoice);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void markDisputed(Invoice invoice) {
        invoice.markDisputed();
        invoices.save(invoice);
        // No longer chased: what the customer's tasks say is overdue changes.
        balanceChanged(invoice);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void endDispute(Invoice invoice) {
        invoice.endDispute();
        invoices.save(invoice);
        balanceChanged(invoice);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void credit(Invoice invoice, BigDecimal amount) {
        invoice.credit(amount);
        invoices.save(invoice);
        balanceChanged(invoice);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void correctAmount(Invoice invoice, BigDecimal amount) {
        invoice.correctAmount(amount);
        invoices.save(invoice);
        balanceChanged(invoice);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void settle(Invoice invoice, BigDecimal amount) {
        invoice.applyPayment(amount);
        invoices.save(invoice);
        balanceChanged(invoice);
    }

    /**
     * The debtor acknowledged these debts on {@code day} (Code civil 2240): their limitation clock restarts.
     * Recorded in the audit trail with how, so that the date can be proved.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void acknowledge(Collection<Invoice> acknowledged, LocalDate day, String actor, String how) {
        // A disputed invoice is contested, not acknowledged; a settled one has no clock left to restart; one
        // acknowledged later already (a back-dated payment) keeps its date, and the trail says nothing of it.
        List<Invoice> owed = acknowledged.stream().filter(invoice -> STILL_OWED.contains(invoice.getStatus())
                && invoice.getOutstandingAmount().signum() > 0).filter(invoice -> invoice.acknowledge(day)).toList();
        if (owed.isEmpty()) {
            return;
        }
        invoices.saveAll(owed);
        owed.stream().collect(Collectors.groupingBy(Invoice::getCustomerId)).forEach((customerId, ofCustomer) ->
                audit.append(actor, "DEBT_ACKNOWLEDGED", customerId, how + " on " + day
                        + ": the limitation clock restarts", ofCustomer.stream().map(Invoice::getNumber).toList(), null));
    }

    /**
     * Debts still owed (disputed ones too: a contested claim dies all the same) whose claim expires on or before
     * {@code until} and whose managers were not yet warned of that date.
     */
    public List<Invoice> nearingLimitationUnwarned(LocalDate until) {
        return invoices.findNearingLimitationUnwarned(until, OWED_OR_DISPUTED);
    }

    /** The managers were warned of this invoice's limitation date: the next warning waits for a new date. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void limitationWarned(Invoice invoice) {
        invoice.markLimitationWarned();
        invoices.save(invoice);
    }

    /**
     * A court claim for these debts was filed on {@code day}: the path stops chasing them and their limitation
     * clock stands still (Code civil 2241) until the claim ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void fileCourtClaim(Collection<Invoice> claimed, LocalDate day) {
        claimed.forEach(invoice -> invoice.fileCourtClaim(day));
        invoices.saveAll(claimed);
    }

    /** The court's order over these debts can no longer be opposed: ten years to enforce it (CPCE L111-4). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void obtainEnforceableTitle(Collection<Invoice> claimed, LocalDate day) {
        claimed.forEach(invoice -> invoice.obtainEnforceableTitle(day));
        invoices.saveAll(claimed);
    }

    /** The claim was rejected or withdrawn: as if never filed (Code civil 2243), the debts are chased again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void dropCourtClaim(Collection<Invoice> claimed) {
        claimed.forEach(Invoice::dropCourtClaim);
        invoices.saveAll(claimed);
        claimed.stream().map(Invoice::getCustomerId).distinct().forEach(customerId ->
                events.publishEvent(new InvoiceBalancesChanged(List.of(customerId))));
    }

    private void balanceChanged(Invoice invoice) {
        BalanceAnnouncements.toPublish(invoice.getCustomerId())
                .ifPresent(customers -> events.publishEvent(InvoiceBalancesChanged.growing(customers)));
    }
}
