package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CollectionCalendarTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void knowsTheFrenchPublicHolidaysThatFollowEaster() {
        assertThat(FrenchPublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(FrenchPublicHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(FrenchPublicHolidays.of(2026)).contains(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 14),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 14), LocalDate.of(2026, 12, 25)).hasSize(11);
    }

    @Test
    void schedulesOnTheDueDatePlusDaysAtEightInTheMorning() {
        now(LocalDate.of(2026, 11, 2));
        Date date = new CollectionCalendar("Europe/Paris").afterDueDate("2026-10-20", 21, 7);
        assertThat(date.toInstant().atZone(PARIS).toLocalDateTime()).isEqualTo(LocalDate.of(2026, 11, 10).atTime(8, 0));
    }

    @Test
    void neverSchedulesSoonerThanTheMinimumGap() {
        now(LocalDate.of(2026, 11, 2));
        Date date = new CollectionCalendar("Europe/Paris").afterDueDate("2026-01-15", 14, 7);
        assertThat(day(date)).isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void withBusinessDaysSkipsWeekendsAndHolidays() {
        now(LocalDate.of(2026, 11, 2));
        CollectionCalendar businessDays = new CollectionCalendar("Europe/Paris", true);
        // 2026-11-11 (Armistice) is a Wednesday holiday; 2026-11-14 a Saturday.
        assertThat(day(businessDays.afterDate("2026-11-11", 0))).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(day(businessDays.afterDate("2026-11-14", 0))).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(day(new CollectionCalendar("Europe/Paris").afterDate("2026-11-14", 0))).isEqualTo(LocalDate.of(2026, 11, 14));
    }

    private static void now(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(PARIS).toInstant()));
    }

    private static LocalDate day(Date date) {
        return date.toInstant().atZone(PARIS).toLocalDate();
    }
}
