package org.encaisse.support;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today as the application counts days (encaisse.time-zone, Europe/Paris). Between 23:00 and 00:00 UTC the JVM's
 * own date is a day behind the application's, and a test that dated its invoices with it would age them one day less.
 */
public final class ParisDate {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private ParisDate() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
