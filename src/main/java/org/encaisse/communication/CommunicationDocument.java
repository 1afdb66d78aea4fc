package org.encaisse.communication;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/**
 * A communication exactly as it went out, with its SHA-256 for the case file: the PDF of a registered
 * letter, or the HTML body of an email.
 */
@Entity
public class CommunicationDocument {

    @Id
    private Long communicationId;

    private String fileName;

    @Lob
    private byte[] content;

    private int sizeBytes;
    private String sha256;
    private Instant createdAt;

    protected CommunicationDocument() {
    }

    CommunicationDocument(Long communicationId, String fileName, byte[] content, String sha256, Instant createdAt) {
        this.communicationId = communicationId;
        replace(fileName, content, sha256, createdAt);
    }

    /** A later attempt renders the letter again, with the invoices as they then stand. */
    void replace(String fileName, byte[] content, String sha256, Instant createdAt) {
        this.fileName = fileName;
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.createdAt = createdAt;
    }

    public Long getCommunicationId() {
        return communicationId;
    }

    public String getFileName() {
        return fileName;
    }

    public boolean isPdf() {
        return fileName.endsWith(".pdf");
    }

    public String mediaType() {
        return isPdf() ? "application/pdf" : "text/html;charset=UTF-8";
    }

    public byte[] getContent() {
        return content;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
