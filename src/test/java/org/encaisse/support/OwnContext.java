package org.encaisse.support;

/**
 * Tests that start an application context of their own (other settings, or a start-up meant to
 * fail). Camunda's webapps keep static state that such a context would take over from the shared
 * test context, so the build runs these in a JVM of their own.
 */
public final class OwnContext {

    public static final String TAG = "own-context";

    private OwnContext() {
    }
}
