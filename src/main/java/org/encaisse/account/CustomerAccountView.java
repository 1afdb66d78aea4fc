package org.encaisse.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A customer with what it owes, per currency, as of a day. */
public record CustomerAccountView(String externalId, String name, String companyId, String segment, String riskRating,
                                  BigDecimal creditLimit, String salesRep, String language, String address,
                                  BigDecimal latePaymentRate, boolean deliveryBlocked,
                                  List<ContactView> contacts, LocalDate asOf, List<Balance> balances) {

    public record ContactView(String role, String name, String email, String phone) {
    }

    /**
     * {@code outstanding} is what the open invoices still owe, {@code overdue} the part past its due date,
     * {@code unallocatedCredit} money received that no invoice absorbed, {@code net} outstanding minus that credit.
     */
    public record Balance(String currency, BigDecimal outstanding, BigDecimal overdue, int openInvoices,
                          int overdueInvoices, BigDecimal unallocatedCredit, BigDecimal net) {
    }
}
