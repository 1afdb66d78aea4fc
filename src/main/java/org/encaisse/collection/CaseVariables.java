package org.encaisse.collection;

/** The variables of CollectionCaseProcess, declared once; the data itself stays in the JPA tables. */
final class CaseVariables {

    static final String PROCESS = "CollectionCaseProcess";
    static final String PAYMENT_RECEIVED = "Msg_PaymentReceived";

    static final String CUSTOMER_ID = "customerId";
    static final String CUSTOMER_EXTERNAL_ID = "customerExternalId";
    /** The oldest due date among the overdue invoices when the case opened (ISO date): the "D" of the schedule. */
    static final String CASE_DUE_DATE = "caseDueDate";
    static final String RISK_RATING = "riskRating";
    static final String SEGMENT = "segment";
    /** How many overdue, undisputed invoices remain; the case ends at zero. */
    static final String OVERDUE_INVOICES = "overdueInvoices";

    /** Entered in CallCustomerForm. */
    static final String CALL_OUTCOME = "callOutcome";
    static final String PROMISED_DATE = "promisedDate";
    static final String PROMISED_AMOUNT = "promisedAmount";
    static final String DISPUTED_INVOICE = "disputedInvoice";
    static final String DISPUTE_CATEGORY = "disputeCategory";
    static final String DISPUTE_COMMENT = "disputeComment";
    static final String RETRY_DATE = "retryDate";
    static final String CALLED_BY = "calledBy";
    /** When the call's outcome was entered (ISO instant): a promise counts payments from then on. */
    static final String CALLED_AT = "calledAt";

    static final String PROMISE_ID = "promiseId";
    static final String PROMISE_KEPT = "promiseKept";
    /** Kept in step with recoveryRoute for cases started on the model without the injunction to pay. */
    static final String AGENCY_APPROVED = "agencyApproved";
    /** Entered in DecideAgencyHandoffForm: AGENCY, INJUNCTION or IN_HOUSE. */
    static final String RECOVERY_ROUTE = "recoveryRoute";
    static final String APPROVED_BY = "approvedBy";

    /** Set on the call task when it is created: what the collector reads before dialing. */
    static final String BRIEFING = "briefing";

    private CaseVariables() {
    }
}
