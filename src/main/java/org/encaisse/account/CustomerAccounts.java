package org.encaisse.account;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.payment.Payment;
import org.encaisse.payment.PaymentAllocation;
import org.encaisse.payment.PaymentHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a customer's account: its invoices, what it owes and the credit it holds. */
@Service
@Transactional(readOnly = true)
public class CustomerAccounts {

    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;
    private final PaymentHistory payments;
    private final Clock clock;

    CustomerAccounts(CustomerDirectory customers, InvoiceLedger ledger, PaymentHistory payments, Clock clock) {
        this.customers = customers;
        this.ledger = ledger;
        this.payments = payments;
        this.clock = clock;
    }

    public CustomerAccountView account(String externalId) {
        Customer customer = customers.get(externalId);
        LocalDate today = LocalDate.now(clock);
        Map<String, BalanceSum> sums = new TreeMap<>();
        for (Invoice invoice : ledger.ofCustomer(customer.getId())) {
            if (invoice.getOutstandingAmount().signum() > 0) {
                sums.computeIfAbsent(invoice.getCurrency(), c -> new BalanceSum()).add(invoice, today);
            }
        }
        payments.unallocatedCredit(customer.getId())
                .forEach((currency, credit) -> sums.computeIfAbsent(currency, c -> new BalanceSum()).credit = credit);
        List<CustomerAccountView.Balance> balances = sums.entrySet().stream()
                .map(entry -> entry.getValue().toBalance(entry.getKey()))
                .toList();
        List<CustomerAccountView.ContactView> contacts = customer.getContacts().stream()
                .map(c -> new CustomerAccountView.ContactView(c.getRole().name(), c.getName(), c.getEmail(), c.getPhone()))
                .toList();
        return new CustomerAccountView(customer.getExternalId(), customer.getName(), customer.getCompanyId(),
                customer.getSegment(), customer.getRiskRating() == null ? null : customer.getRiskRating().name(),
                customer.getCreditLimit(), customer.getSalesRep(), customer.getLanguage(), customer.getAddress(),
                customer.getLatePaymentRate(), customer.isDeliveryBlocked(),
                contacts, today, balances);
    }

    /** Oldest due date first; only those with something outstanding when {@code openOnly}. */
    public List<InvoiceView> invoices(String externalId, boolean openOnly) {
        Customer customer = customers.get(externalId);
        LocalDate today = LocalDate.now(clock);
        return ledger.ofCustomer(customer.getId()).stream()
                .filter(invoice -> !openOnly || invoice.getOutstandingAmount().signum() > 0)
                .map(invoice -> view(invoice, customer.getExternalId(), today, null))
                .toList();
    }

    public InvoiceView invoice(String number) {
        Invoice invoice = ledger.get(number);
        Customer customer = customers.get(invoice.getCustomerId());
        List<InvoiceView.PaymentLine> lines = payments.ofInvoice(invoice.getId()).stream()
                .map(payment -> new InvoiceView.PaymentLine(payment.getBankReference(), payment.getPaymentDate(),
                        allocatedTo(payment, invoice)))
                .toList();
        return view(invoice, customer.getExternalId(), LocalDate.now(clock), lines);
    }

    private static BigDecimal allocatedTo(Payment payment, Invoice invoice) {
        return payment.getAllocations().stream()
                .filter(allocation -> allocation.getInvoiceId().equals(invoice.getId()))
                .map(PaymentAllocation::getAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static InvoiceView view(Invoice invoice, String customerExternalId, LocalDate today,
                                    List<InvoiceView.PaymentLine> payments) {
        long daysLate = invoice.getOutstandingAmount().signum() > 0 ? invoice.daysLate(today) : 0;
        return new InvoiceView(invoice.getNumber(), customerExternalId, invoice.getIssueDate(), invoice.getDueDate(),
                invoice.getAmount(), invoice.getCurrency(), invoice.getOutstandingAmount(), invoice.paidAmount(),
                invoice.getStatus().name(), daysLate,
                // Only a debt still owed has a limitation date worth showing.
                invoice.getOutstandingAmount().signum() > 0 ? invoice.limitationDate() : null,
                invoice.getEnforceableTitleOn() == null ? invoice.getCourtClaimFiledOn() : null, payments);
    }

    private static final class BalanceSum {
        private BigDecimal outstanding = BigDecimal.ZERO.setScale(2);
        private BigDecimal overdue = BigDecimal.ZERO.setScale(2);
        private BigDecimal credit = BigDecimal.ZERO.setScale(2);
        private int open;
        private int late;

        void add(Invoice invoice, LocalDate today) {
            outstanding = outstanding.add(invoice.getOutstandingAmount());
            open++;
            if (invoice.isOverdue(today)) {
                overdue = overdue.add(invoice.getOutstandingAmount());
                late++;
            }
        }

        CustomerAccountView.Balance toBalance(String currency) {
            return new CustomerAccountView.Balance(currency, outstanding, overdue, open, late, credit,
                    outstanding.subtract(credit));
        }
    }
}
