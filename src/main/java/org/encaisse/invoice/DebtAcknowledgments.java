package org.encaisse.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.encaisse.audit.Actors;
import org.encaisse.input.ConflictException;
import org.encaisse.input.FieldReader;
import org.encaisse.input.InputErrors;
import org.encaisse.input.SourcePosition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A written acknowledgment of a debt that a collector enters (a letter, an email from the debtor): it
 * restarts the invoice's limitation clock from its date, as a payment or a promise does on its own.
 */
@Service
public class DebtAcknowledgments {

    private static final SourcePosition BODY = SourcePosition.item(1);

    /** What the collector enters: the day the debtor acknowledged the debt, and what proves it. */
    public record Request(String date, String evidence) {
    }

    public record Result(String number, LocalDate acknowledgedOn, LocalDate limitationDate) {
    }

    private final InvoiceLedger ledger;
    private final Actors actors;
    private final Clock clock;

    DebtAcknowledgments(InvoiceLedger ledger, Actors actors, Clock clock) {
        this.ledger = ledger;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional
    Result record(String number, Request request) {
        return record(number, request, actors.current("acknowledgment"));
    }

    /** Entered by {@code actor}: a manager answering the limitation warning, for instance. */
    @Transactional
    public Result record(String number, Request request, String actor) {
        Invoice invoice = ledger.get(number);
        InputErrors errors = new InputErrors();
        FieldReader fields = new FieldReader(errors, BODY);
        LocalDate day = fields.date("date", request.date(), true);
        String evidence = fields.text("evidence", request.evidence(), true, 500);
        if (day != null && day.isAfter(LocalDate.now(clock))) {
            fields.reject("date", "is in the future", request.date().strip());
        } else if (day != null && day.isBefore(invoice.getIssueDate())) {
            fields.reject("date", "is before the invoice's date " + invoice.getIssueDate(), request.date().strip());
        }
        errors.throwIfAny("the acknowledgment");
        if (!InvoiceLedger.STILL_OWED.contains(invoice.getStatus()) || invoice.getOutstandingAmount().signum() <= 0) {
            throw new ConflictException("Invoice " + number + " is " + invoice.getStatus()
                    + ": there is no debt left to acknowledge. Nothing was recorded.");
        }
        ledger.acknowledge(List.of(invoice), day, actor, "written acknowledgment ("
                + evidence + ")");
        return new Result(number, invoice.getAcknowledgedOn(), invoice.limitationDate());
    }
}
