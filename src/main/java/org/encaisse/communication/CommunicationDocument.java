package org.encaisse.communication;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A communication exactly as it went out, with its SHA-256 for the case file: the PDF of a registered
 * letter, or the HTML body of an email.
 */
@Entity
public class CommunicationDocument implements Persistable<Long> {

    @Id
    private Long communicationId;

    private String fileName;

    @Lob
    private byte[] content;

    private int sizeBytes;
    private String sha256;
    private Instant createdAt;

    // Its id is the communication's, so Spring Data cannot tell a new document by a null id and would
    // merge it: one SELECT more per letter, right after the delivery looked it up and found none.
    @Transient
    private boolean created;

    protected CommunicationDocument() {
    }

    CommunicationDocument(Long communicationId, String fileName, byte[] content, String sha256, Instant createdAt) {
        this.communicationId = communicationId;
        this.created = true;
        replace(fileName, content, sha256, createdAt);
    }

    @Override
    public Long getId() {
        return communicationId;
    }

    @Override
    public boolean isNew() {
        return created;
    }

    @PostPersist
    void persisted() {
        created = false;
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

    /** As printed: a letter's PDF as it was sent, an email's HTML rendered to PDF from the body that went out. */
    public byte[] printed(org.encaisse.letter.PdfDocuments pdf) {
        return isPdf() ? content : pdf.render(new String(content, java.nio.charset.StandardCharsets.UTF_8));
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
