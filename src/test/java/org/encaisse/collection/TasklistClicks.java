package org.encaisse.collection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.encaisse.support.Browser;
import org.openqa.selenium.By;

/**
 * Tasklist itself in headless Chromium, timed as a collector meets it: from the click on "Mes appels du jour" to
 * its list on screen, every request the click started answered. Each run first opens "Toutes mes tâches", so
 * that the timed click loads the list anew. Prints median, p95 and the slowest; asserts nothing.
 */
final class TasklistClicks {

    private static final int WARM_UP = 3;

    private TasklistClicks() {
    }

    static void measure(int port, String user, String password, int runs) {
        String openFilter = script();
        try (Browser browser = new Browser(port)) {
            browser.logInToWebapp("tasklist", user, password);
            browser.await(By.cssSelector("li.task h4 a"));
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < WARM_UP + runs; i++) {
                click(browser, openFilter, "Toutes mes tâches");
                double shown = click(browser, openFilter, "Mes appels du jour");
                if (i >= WARM_UP) {
                    times.add(shown);
                }
            }
            Collections.sort(times);
            System.out.printf(Locale.ROOT, "%-48s %8.0f %8.0f (max %.0f, %d clicks)%n",
                    "Tasklist: click on Mes appels du jour to list", times.get(times.size() / 2),
                    times.get((int) Math.ceil(times.size() * 0.95) - 1), times.get(times.size() - 1), times.size());
        }
    }

    private static double click(Browser browser, String openFilter, String filter) {
        double shown = ((Number) browser.asyncScript(openFilter, filter, null)).doubleValue();
        if (shown < 0) {
            throw new IllegalStateException("Tasklist did not show " + filter + " (" + shown + ")");
        }
        return shown;
    }

    private static String script() {
        try (InputStream in = TasklistClicks.class.getResourceAsStream("/tasklist/open-filter.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
