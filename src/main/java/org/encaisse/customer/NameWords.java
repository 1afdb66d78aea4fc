package org.encaisse.customer;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words that tell one company's name from another's, as a collector compares a payer's name with a customer's:
 * lower case, without accents, legal forms and small words ("SARL", "de", "Ets") left out.
 */
public final class NameWords {

    /** The longest word kept: the index column's width. */
    static final int LONGEST = 100;

    private static final Set<String> LEGAL_FORMS = Set.of("sarl", "sas", "sasu", "sa", "eurl", "sci", "snc", "scp",
            "selarl", "earl", "gaec", "et", "cie", "fils", "de", "des", "du", "la", "le", "les", "l", "d", "inc",
            "ltd", "gmbh", "mr", "mme", "m", "ste", "societe", "ets", "etablissements", "vir", "virement", "sepa");

    private NameWords() {
    }

    public static Set<String> of(String name) {
        Set<String> words = new LinkedHashSet<>();
        if (name == null) {
            return words;
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "OE").toLowerCase(Locale.ROOT);
        for (String word : plain.split("[^a-z0-9]+")) {
            if (!word.isEmpty() && word.length() <= LONGEST && !LEGAL_FORMS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }
}
