package org.encaisse.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.encaisse.collection.CustomerAnswers;
import org.encaisse.customer.PortalLinks;
import org.encaisse.input.ConflictException;
import org.encaisse.input.FieldReader;
import org.encaisse.input.InputErrors;
import org.encaisse.input.SourcePosition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A payment plan the customer asks for on its page: while its case waits for the call, it answers that call as a
 * customer in difficulty does on the phone, and the plan path starts with the customer's proposal.
 */
@Service
class PortalPlanRequests {

    static final int MIN_INSTALLMENTS = 2;
    static final int MAX_INSTALLMENTS = 12;
    private static final int FIRST_INSTALLMENT_WITHIN_DAYS = 60;

    private final CustomerAnswers answers;
    private final Clock clock;

    PortalPlanRequests(CustomerAnswers answers, Clock clock) {
        this.answers = answers;
        this.clock = clock;
    }

    @Transactional
    public void ask(PortalLinks.PortalAccess access, String ip, String installmentCount, String firstInstallmentDate,
                    String comment) {
        InputErrors errors = new InputErrors();
        FieldReader read = new FieldReader(errors, SourcePosition.item(1));
        LocalDate today = LocalDate.now(clock);
        Integer count = null;
        String text = read.text("installmentCount", installmentCount, true, 3);
        if (text != null) {
            try {
                count = Integer.valueOf(text);
            } catch (NumberFormatException notANumber) {
                count = null;
            }
            if (count == null || count < MIN_INSTALLMENTS || count > MAX_INSTALLMENTS) {
                read.reject("installmentCount", "must be a whole number from " + MIN_INSTALLMENTS + " to "
                        + MAX_INSTALLMENTS + " / doit être un nombre entier de 2 à 12", text);
                count = null;
            }
        }
        LocalDate first = read.date("firstInstallmentDate", firstInstallmentDate, true);
        if (first != null && (!first.isAfter(today) || first.isAfter(today.plusDays(FIRST_INSTALLMENT_WITHIN_DAYS)))) {
            read.reject("firstInstallmentDate", "must be within the next " + FIRST_INSTALLMENT_WITHIN_DAYS
                    + " days / doit être dans les 60 prochains jours", firstInstallmentDate);
        }
        String words = read.text("comment", comment, false, 500);
        errors.throwIfAny("the payment plan asked for");
        String proposal = "%d mensualités à partir du %s%s".formatted(count,
                first.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), words == null ? "" : " — « " + words + " »");
        if (!answers.askForPlan(access.customerId(), count, first, proposal, PortalDesk.actor(access, ip))) {
            throw new ConflictException("Votre dossier ne permet pas de demander un échéancier en ligne à ce stade : "
                    + "répondez à notre dernier courrier ou appelez-nous. / A payment plan cannot be asked for online "
                    + "at this stage of your account: reply to our latest letter or call us.");
        }
    }
}
