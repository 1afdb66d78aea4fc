package org.encaisse.invoice;

import java.time.LocalDate;

/**
 * When a commercial claim dies: five years between merchants (Code de commerce L110-4, Code civil 2224),
 * counted from the due date, and again in full from the debtor's last acknowledgment of the debt (Code
 * civil 2240: a payment, a promise to pay, a signed payment plan, a written acknowledgment). An
 * acknowledgment before the due date changes nothing: the clock has not started. A court claim interrupts
 * the clock while the proceedings last (2241, 2242); once the claim ends in an enforceable title, the title
 * can be enforced for ten years (Code des procédures civiles d'exécution L111-4).
 */
public final class LimitationPeriod {

    public static final int YEARS = 5;
    public static final int ENFORCEABLE_TITLE_YEARS = 10;

    private LimitationPeriod() {
    }

    /**
     * The first day the claim can no longer be brought (or its title enforced); null while a court claim is
     * pending, since the clock then stands still.
     */
    public static LocalDate expiry(LocalDate dueDate, LocalDate acknowledgedOn, LocalDate courtClaimFiledOn,
                                   LocalDate enforceableTitleOn) {
        if (enforceableTitleOn != null) {
            return enforceableTitleOn.plusYears(ENFORCEABLE_TITLE_YEARS);
        }
        if (courtClaimFiledOn != null) {
            return null;
        }
        LocalDate start = acknowledgedOn != null && acknowledgedOn.isAfter(dueDate) ? acknowledgedOn : dueDate;
        return start.plusYears(YEARS);
    }
}
