package org.encaisse.collection;

/** Lets process-model tests of other features use the real calendar. */
public final class CollectionCalendarForTests {

    private CollectionCalendarForTests() {
    }

    public static CollectionCalendar paris() {
        return new CollectionCalendar("Europe/Paris");
    }
}
