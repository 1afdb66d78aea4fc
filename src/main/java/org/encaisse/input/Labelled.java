package org.encaisse.input;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** A value that people also write in words, in French or in English. */
public interface Labelled {

    List<String> labels();

    static String normalize(String text) {
        String withoutAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
