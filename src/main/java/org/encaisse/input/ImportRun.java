package org.encaisse.input;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One file imported; see V20__import_history.sql. */
@Entity
class ImportRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_run_seq")
    @SequenceGenerator(name = "import_run_seq", sequenceName = "import_run_seq", allocationSize = 50)
    private Long id;

    private String kind;
    private String fileName;
    private String sha256;
    private String importedBy;
    private Instant importedAt;
    private String countsJson;

    protected ImportRun() {
    }

    ImportRun(String kind, String fileName, String sha256, String importedBy, Instant importedAt, String countsJson) {
        this.kind = kind;
        this.fileName = fileName.length() <= 255 ? fileName : fileName.substring(0, 255);
        this.sha256 = sha256;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
        this.countsJson = countsJson;
    }

    String getKind() {
        return kind;
    }

    String getFileName() {
        return fileName;
    }

    String getSha256() {
        return sha256;
    }

    String getImportedBy() {
        return importedBy;
    }

    Instant getImportedAt() {
        return importedAt;
    }

    String getCountsJson() {
        return countsJson;
    }
}
