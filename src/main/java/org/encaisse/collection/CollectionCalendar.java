package org.encaisse.collection;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dates of the collection path's timers, used from the BPMN as {@code ${collectionCalendar...}}.
 * Letters go out in the morning of the creditor's time zone; a step is never scheduled sooner than
 * the minimum gap after the previous one, so a case opened long after the due date does not send
 * its reminders back to back. With {@code ENCAISSE_CALENDAR_BUSINESS_DAYS=true} a date that falls on
 * a weekend or a French public holiday moves to the next business day. Reads the engine's clock,
 * which tests move.
 */
@Component("collectionCalendar")
public class CollectionCalendar {

    private static final LocalTime MORNING = LocalTime.of(8, 0);

    private final ZoneId zone;
    private final boolean businessDays;

    @Autowired
    CollectionCalendar(@Value("${encaisse.time-zone:Europe/Paris}") String zone,
                       @Value("${encaisse.calendar.business-days:false}") boolean businessDays) {
        this.zone = ZoneId.of(zone);
        this.businessDays = businessDays;
    }

    CollectionCalendar(String zone) {
        this(zone, false);
    }

    /** {@code days} after the case's due date, but at least {@code minimumGapDays} from now. */
    public Date afterDueDate(String caseDueDate, Number days, Number minimumGapDays) {
        ZonedDateTime planned = morningOf(LocalDate.parse(caseDueDate).plusDays(days.longValue()));
        ZonedDateTime earliest = morningOf(today().plusDays(minimumGapDays.longValue()));
        return Date.from((planned.isBefore(earliest) ? earliest : planned).toInstant());
    }

    /** {@code days} after a date entered in a form (ISO date, as Camunda Forms send it). */
    public Date afterDate(String isoDate, Number days) {
        return Date.from(morningOf(LocalDate.parse(isoDate.substring(0, 10)).plusDays(days.longValue())).toInstant());
    }

    /** The morning of a date entered in a form. */
    public Date atDate(String isoDate) {
        return afterDate(isoDate, 0);
    }

    /** {@code days} from now, e.g. a task's due date or a deadline after a notice. */
    public Date daysFromNow(Number days) {
        ZonedDateTime then = now().plusDays(days.longValue());
        return Date.from(then.with(workingDay(then.toLocalDate())).toInstant());
    }

    /** The end of today in the creditor's time zone: what is due before it is due today or earlier. */
    public Date endOfToday() {
        return Date.from(today().plusDays(1).atStartOfDay(zone).toInstant());
    }

    LocalDate today() {
        return now().toLocalDate();
    }

    private ZonedDateTime now() {
        return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    }

    private ZonedDateTime morningOf(LocalDate date) {
        return workingDay(date).atTime(MORNING).atZone(zone);
    }

    private LocalDate workingDay(LocalDate date) {
        LocalDate day = date;
        while (businessDays && !FrenchPublicHolidays.isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
