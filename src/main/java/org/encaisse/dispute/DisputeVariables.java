package org.encaisse.dispute;

/** The variables of DisputeResolutionProcess, declared once; the data itself stays in the dispute table. */
final class DisputeVariables {

    static final String PROCESS = "DisputeResolutionProcess";
    static final String DISPUTE_ID = "disputeId";
    static final String INVOICE_NUMBER = "invoiceNumber";
    static final String CATEGORY = "category";
    /** Output of RouteDisputeDecision. */
    static final String RESOLVER_GROUP = "resolverGroup";
    /** Entered in ResolveDisputeForm. */
    static final String RESOLUTION = "resolution";
    static final String CREDIT_NOTE_AMOUNT = "creditNoteAmount";
    static final String CORRECTED_AMOUNT = "correctedAmount";
    static final String RESOLUTION_COMMENT = "resolutionComment";
    /** Set when the resolution task completes: who decided. */
    static final String RESOLVED_BY = "resolvedBy";

    private DisputeVariables() {
    }
}
