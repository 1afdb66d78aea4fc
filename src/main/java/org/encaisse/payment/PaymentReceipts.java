package org.encaisse.payment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.input.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class PaymentReceipts {

    private final Payments payments;
    private final InvoiceLedger ledger;
    private final CustomerDirectory customers;

    PaymentReceipts(Payments payments, InvoiceLedger ledger, CustomerDirectory customers) {
        this.payments = payments;
        this.ledger = ledger;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public PaymentReceipt byReference(String bankReference) {
        Payment payment = payments.findByBankReference(bankReference)
                .orElseThrow(() -> new NotFoundException("No payment with bank reference '" + bankReference + "'."));
        return of(payment, false, null);
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<PaymentReceipt> ofCustomer(String externalId) {
        Long customerId = customers.get(externalId).getId();
        return payments.findByCustomerIdOrderByPaymentDateDescIdDesc(customerId, Limit.unlimited()).stream()
                .map(payment -> of(payment, false, null)).toList();
    }

    PaymentReceipt of(Payment payment, boolean alreadyRecorded, String message) {
        Map<Long, Invoice> invoices = ledger.all(payment.getAllocations().stream().map(PaymentAllocation::getInvoiceId).toList())
                .stream().collect(Collectors.toMap(Invoice::getId, Function.identity()));
        List<PaymentReceipt.Allocation> allocations = payment.getAllocations().stream()
                .map(allocation -> {
                    Invoice invoice = invoices.get(allocation.getInvoiceId());
                    return new PaymentReceipt.Allocation(invoice.getNumber(), allocation.getAmount(),
                            invoice.getOutstandingAmount(), invoice.getStatus().name());
                })
                .toList();
        return new PaymentReceipt(payment.getBankReference(), payment.getPaymentDate(), payment.getAmount(),
                payment.getCurrency(), customers.get(payment.getCustomerId()).getExternalId(), allocations,
                payment.getUnallocatedAmount(), payment.getRecordedBy(), payment.getRecordedAt(), alreadyRecorded, message);
    }
}
