package org.encaisse.dispute;

import java.time.Clock;
import java.util.List;

import org.encaisse.input.ImportHistory;
import org.encaisse.input.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The documents joined to a dispute, for the team that settles it. The caller checks what they are. */
@Service
public class DisputeEvidence {

    private final DisputeAttachments attachments;
    private final Clock clock;

    DisputeEvidence(DisputeAttachments attachments, Clock clock) {
        this.attachments = attachments;
        this.clock = clock;
    }

    /** A document already checked to be of {@code contentType}; joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public DisputeAttachment attach(Long disputeId, String fileName, String contentType, byte[] content, String by) {
        return attachments.save(new DisputeAttachment(disputeId, fileName, contentType, content,
                ImportHistory.sha256(content), by, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<DisputeAttachment> of(Long disputeId) {
        return attachments.findByDisputeIdOrderById(disputeId);
    }

    /** The document and how to name it, when it belongs to that dispute. */
    @Transactional(readOnly = true)
    public Document document(Long disputeId, Long attachmentId) {
        DisputeAttachment attachment = attachments.findById(attachmentId)
                .filter(found -> found.getDisputeId().equals(disputeId))
                .orElseThrow(() -> new NotFoundException("Dispute " + disputeId + " has no attachment " + attachmentId + "."));
        return new Document(attachment.getFileName(), attachment.getContentType(), attachment.getContent());
    }

    public record Document(String fileName, String contentType, byte[] content) {
    }
}
