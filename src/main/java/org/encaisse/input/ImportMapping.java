package org.encaisse.input;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/** Which header column is which field, for files whose headers match none of the names known; see V19. */
@Entity
@IdClass(ImportMapping.Key.class)
class ImportMapping {

    record Key(String kind, String name) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    private String kind;
    @Id
    private String name;
    private String columnsJson;
    private String savedBy;
    private Instant savedAt;

    protected ImportMapping() {
    }

    ImportMapping(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    void save(String json, String by, Instant at) {
        this.columnsJson = json;
        this.savedBy = by;
        this.savedAt = at;
    }

    String getKind() {
        return kind;
    }

    String getName() {
        return name;
    }

    String getColumnsJson() {
        return columnsJson;
    }

    String getSavedBy() {
        return savedBy;
    }

    Instant getSavedAt() {
        return savedAt;
    }
}
