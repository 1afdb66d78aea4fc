package org.encaisse.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns an import reads: each field's own name and the names accounting exports give it ("N° pièce",
 * "Date d'échéance", "Montant TTC"), compared ignoring case, accents, spaces and punctuation; which fields are
 * required; and, for headers that match nothing, a mapping saved under a name that says which column is which.
 *
 * @param aliases  per field, the other names it goes by; a name belongs to one field only
 * @param mapping  per field, the header title to read it from, whatever the aliases say; empty for none
 */
public record CsvColumns(List<String> fields, Map<String, List<String>> aliases, List<String> required,
                         Map<String, String> mapping) {

    public CsvColumns {
        fields = List.copyOf(fields);
        aliases = Map.copyOf(aliases);
        required = List.copyOf(required);
        mapping = Map.copyOf(mapping);
    }

    public static CsvColumns of(List<String> fields, List<String> required) {
        return new CsvColumns(fields, Map.of(), required, Map.of());
    }

    public CsvColumns withMapping(Map<String, String> fieldToTitle) {
        return new CsvColumns(fields, aliases, required, fieldToTitle);
    }

    /** Every name a field goes by: its own first, then its aliases. */
    public List<String> namesOf(String field) {
        List<String> names = new java.util.ArrayList<>();
        names.add(field);
        names.addAll(aliases.getOrDefault(field, List.of()));
        return names;
    }

    /** The field each normalized name stands for. */
    Map<String, String> fieldByName() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String field : fields) {
            for (String name : namesOf(field)) {
                String previous = byName.putIfAbsent(Labelled.normalize(name), field);
                if (previous != null && !previous.equals(field)) {
                    throw new IllegalStateException("'" + name + "' names both " + previous + " and " + field);
                }
            }
        }
        return byName;
    }
}
