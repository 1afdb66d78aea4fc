package org.encaisse.bank;

/** The variables of BankPaymentMatchingProcess, named once for the model, its form, its delegates and tests. */
final class BankMatchingVariables {

    static final String PROCESS = "BankPaymentMatchingProcess";
    static final String BANK_ENTRY_ID = "bankEntryId";
    static final String ENTRY_SUMMARY = "entrySummary";
    static final String CANDIDATES_SUMMARY = "candidatesSummary";
    static final String HEADLINE = "paymentHeadline";
    /** The collector's answer: {@link #CUSTOMER_PAYMENT} or {@link #NOT_CUSTOMER_PAYMENT}. */
    static final String DECISION = "matchDecision";
    static final String CUSTOMER_PAYMENT = "CUSTOMER_PAYMENT";
    static final String NOT_CUSTOMER_PAYMENT = "NOT_CUSTOMER_PAYMENT";
    static final String CUSTOMER = "customerExternalId";
    /** Invoice numbers separated by commas, spaces or semicolons; none for a payment on account. */
    static final String INVOICES = "invoiceNumbers";
    static final String COMMENT = "matchComment";
    static final String MATCHED_BY = "matchedBy";

    private BankMatchingVariables() {
    }
}
