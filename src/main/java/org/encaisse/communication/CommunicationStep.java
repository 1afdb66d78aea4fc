package org.encaisse.communication;

import java.util.List;

import org.encaisse.customer.ContactRole;

/**
 * The documents of the recovery path: at which level each is sent, by which channel, from which
 * template, and to whom first (accounts payable for reminders, the director for the formal notice).
 */
public enum CommunicationStep {
    PRE_DUE_REMINDER(0, Channel.EMAIL, "pre-due-reminder", ContactRole.ACCOUNTS_PAYABLE, ContactRole.PURCHASER, ContactRole.DIRECTOR),
    DISPUTE_ACKNOWLEDGEMENT(0, Channel.EMAIL, "dispute-acknowledgement", ContactRole.PURCHASER, ContactRole.ACCOUNTS_PAYABLE, ContactRole.DIRECTOR),
    FIRST_REMINDER(1, Channel.EMAIL, "friendly-reminder-1", ContactRole.ACCOUNTS_PAYABLE, ContactRole.PURCHASER, ContactRole.DIRECTOR),
    SECOND_REMINDER(1, Channel.EMAIL, "friendly-reminder-2", ContactRole.ACCOUNTS_PAYABLE, ContactRole.PURCHASER, ContactRole.DIRECTOR),
    FIRM_LETTER(2, Channel.REGISTERED_EMAIL, "firm-letter", ContactRole.ACCOUNTS_PAYABLE, ContactRole.DIRECTOR, ContactRole.PURCHASER),
    FORMAL_NOTICE(3, Channel.REGISTERED_LETTER, "formal-notice", ContactRole.DIRECTOR, ContactRole.ACCOUNTS_PAYABLE, ContactRole.PURCHASER),
    AGENCY_HANDOFF_NOTICE(4, Channel.REGISTERED_LETTER, "agency-handoff-notice", ContactRole.DIRECTOR, ContactRole.ACCOUNTS_PAYABLE, ContactRole.PURCHASER),
    PAYMENT_PLAN_AGREEMENT(1, Channel.REGISTERED_EMAIL, "payment-plan-agreement", ContactRole.DIRECTOR, ContactRole.ACCOUNTS_PAYABLE, ContactRole.PURCHASER),
    MISSED_INSTALLMENT_NOTICE(2, Channel.REGISTERED_EMAIL, "missed-installment-notice", ContactRole.ACCOUNTS_PAYABLE, ContactRole.DIRECTOR, ContactRole.PURCHASER);

    public enum Channel { EMAIL, REGISTERED_EMAIL, REGISTERED_LETTER }

    private final int level;
    private final Channel channel;
    private final String template;
    private final List<ContactRole> recipients;

    CommunicationStep(int level, Channel channel, String template, ContactRole... recipients) {
        this.level = level;
        this.channel = channel;
        this.template = template;
        this.recipients = List.of(recipients);
    }

    public int level() {
        return level;
    }

    public Channel channel() {
        return channel;
    }

    public String template() {
        return template;
    }

    /**
     * From level 2 on a letter claims the statutory late-payment penalties: interest from the day
     * after the due date and the 40 EUR fixed compensation per invoice (Code de commerce L441-10, D441-5).
     */
    public boolean claimsLatePaymentPenalties() {
        return level >= 2;
    }

    /**
     * Registered letters and e-letters travel as a PDF, the document an agency or a court is shown;
     * a plain email carries its letter in the body, where a debtor reads it without opening anything.
     */
    public boolean sentAsPdf() {
        return channel != Channel.EMAIL;
    }

    /** The payment-plan letters set out the installments agreed; no other letter has any. */
    public boolean setsOutInstallments() {
        return this == PAYMENT_PLAN_AGREEMENT || this == MISSED_INSTALLMENT_NOTICE;
    }

    /** The acknowledgement is about disputed invoices; every other letter leaves them out. */
    public boolean concernsDisputes() {
        return this == DISPUTE_ACKNOWLEDGEMENT;
    }

    /** Contact roles in the order they are tried. */
    public List<ContactRole> recipients() {
        return recipients;
    }
}
