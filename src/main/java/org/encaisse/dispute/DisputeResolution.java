package org.encaisse.dispute;

/** How a dispute ends. */
public enum DisputeResolution {
    /** The customer was right in part or in full: a credit note lowers what is owed. */
    CREDIT_NOTE,
    /** The invoice was wrong: its amount is replaced. */
    CORRECTED_INVOICE,
    /** The invoice stands as issued and rejoins the collection case. */
    REJECTED
}
