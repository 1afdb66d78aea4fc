package org.encaisse.input;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Column mappings saved under a name ("sage", "export-cegid") for each kind of CSV import: a company whose
 * accounting package writes headers no alias knows says once which column is which field, then imports its
 * files with {@code ?mapping=<name>}.
 */
@Service
public class SavedMappings {

    private static final TypeReference<LinkedHashMap<String, String>> COLUMNS = new TypeReference<>() {
    };
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

    private final ImportMappings mappings;
    private final List<CsvImportKind> kinds;
    private final ObjectMapper json;
    private final Clock clock;

    SavedMappings(ImportMappings mappings, List<CsvImportKind> kinds, ObjectMapper json, Clock clock) {
        this.mappings = mappings;
        this.kinds = kinds;
        this.json = json;
        this.clock = clock;
    }

    /** A saved mapping as the API shows it. */
    public record Saved(String kind, String name, Map<String, String> columns, String savedBy, java.time.Instant savedAt) {
    }

    /** The columns an import of {@code kind} reads, with the mapping {@code name} when one is given. */
    @Transactional(readOnly = true)
    public CsvColumns columns(String kind, String name) {
        CsvColumns columns = kind(kind).columns();
        if (name == null || name.isBlank()) {
            return columns;
        }
        ImportMapping mapping = mappings.findById(new ImportMapping.Key(kind, name.strip())).orElse(null);
        if (mapping == null) {
            throw new BadQueryException("mapping", name.strip(), "no mapping of that name is saved for " + kind
                    + " imports; saved: " + mappings.findByKindOrderByName(kind).stream().map(ImportMapping::getName).toList());
        }
        return columns.withMapping(read(mapping.getColumnsJson()));
    }

    @Transactional
    public Saved save(String kind, String name, Map<String, String> columns, String by) {
        CsvImportKind known = kind(kind);
        InputErrors errors = new InputErrors();
        SourcePosition body = SourcePosition.item(1);
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(body, "name", "is 1 to 50 lower-case letters, digits, '-' or '_', starting with a letter or digit",
                    name);
        }
        if (columns == null || columns.isEmpty()) {
            errors.add(body, "columns", "name at least one field and the header column it is read from", null);
        } else {
            columns.forEach((field, title) -> {
                if (!known.columns().fields().contains(field)) {
                    errors.add(body, "columns." + field, "is not a field of " + kind + " imports; they are "
                            + known.columns().fields(), field);
                } else if (title == null || title.isBlank() || title.length() > 200) {
                    errors.add(body, "columns." + field, "give the header title, at most 200 characters", title);
                }
            });
        }
        errors.throwIfAny("the mapping");
        ImportMapping mapping = mappings.findById(new ImportMapping.Key(kind, name))
                .orElseGet(() -> new ImportMapping(kind, name));
        mapping.save(write(columns), by, clock.instant());
        mappings.save(mapping);
        return saved(mapping);
    }

    @Transactional(readOnly = true)
    public List<Saved> all() {
        return mappings.findAllByOrderByKindAscNameAsc().stream().map(this::saved).toList();
    }

    private Saved saved(ImportMapping mapping) {
        return new Saved(mapping.getKind(), mapping.getName(), read(mapping.getColumnsJson()), mapping.getSavedBy(),
                mapping.getSavedAt());
    }

    private CsvImportKind kind(String kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst().orElseThrow(() -> new NotFoundException(
                "No CSV import of kind '" + kind + "'; there are " + kinds.stream().map(CsvImportKind::kind).toList() + "."));
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, COLUMNS);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("A saved mapping is not the JSON it was saved as", unreadable);
        }
    }

    private String write(Map<String, String> columns) {
        try {
            return json.writeValueAsString(new LinkedHashMap<>(columns));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
