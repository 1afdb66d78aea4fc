package org.encaisse.collection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The eleven public holidays of metropolitan France (Code du travail L3133-1): eight fixed dates
 * and three that follow Easter (Easter Monday, Ascension Thursday, Whit Monday).
 */
public final class FrenchPublicHolidays {

    private static final List<MonthDay> FIXED = List.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
            MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    private FrenchPublicHolidays() {
    }

    static Set<LocalDate> of(int year) {
        Set<LocalDate> holidays = new HashSet<>();
        FIXED.forEach(day -> holidays.add(day.atYear(year)));
        LocalDate easter = easterSunday(year);
        holidays.add(easter.plusDays(1));
        holidays.add(easter.plusDays(39));
        holidays.add(easter.plusDays(50));
        return holidays;
    }

    public static boolean isBusinessDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !of(date.getYear()).contains(date);
    }

    /** Gregorian Easter by the anonymous algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
