package org.encaisse.dispute;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;

/** A document the customer joined to its dispute. */
@Entity
public class DisputeAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dispute_attachment_seq")
    @SequenceGenerator(name = "dispute_attachment_seq", sequenceName = "dispute_attachment_seq", allocationSize = 50)
    private Long id;

    private Long disputeId;
    private String fileName;
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    private int sizeBytes;
    private String sha256;
    private String uploadedBy;
    private Instant uploadedAt;

    protected DisputeAttachment() {
    }

    DisputeAttachment(Long disputeId, String fileName, String contentType, byte[] content, String sha256,
                      String uploadedBy, Instant uploadedAt) {
        this.disputeId = disputeId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getDisputeId() {
        return disputeId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    byte[] getContent() {
        return content;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
