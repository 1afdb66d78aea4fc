package org.encaisse.paymentplan;

/** The variables of PaymentPlanProcess, declared once. */
final class PlanVariables {

    static final String PLAN_ID = "planId";
    static final String PLAN_TOTAL = "planTotal";
    static final String INSTALLMENT_COUNT = "installmentCount";
    static final String FIRST_INSTALLMENT_DATE = "firstInstallmentDate";
    static final String NEXT_INSTALLMENT_DATE = "nextInstallmentDate";
    static final String STANDING = "planStanding";
    static final String MISSED_COUNT = "missedReminders";
    static final String PLAN_APPROVED = "planApproved";
    static final String PROPOSED_BY = "proposedBy";
    static final String APPROVED_BY = "planApprovedBy";
    /** Returned to the collection case: KEPT, BROKEN or REJECTED. */
    static final String OUTCOME = "planOutcome";

    private PlanVariables() {
    }
}
