package org.encaisse.portal;

import java.util.List;

import org.encaisse.customer.PortalLinks;
import org.encaisse.dispute.DisputeDesk;
import org.encaisse.dispute.DisputeEvidence;
import org.encaisse.dispute.DisputeRequest;
import org.encaisse.dispute.DisputeView;
import org.encaisse.input.InputErrors;
import org.encaisse.input.NotFoundException;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A dispute the customer raises from its page: the same dispute as one a collector records from a call (it starts
 * the dispute path and takes the invoice out of the reminders), with the customer's documents joined. Everything is
 * checked before anything is stored, and stored in one transaction.
 */
@Service
class PortalDisputes {

    private final InvoiceLedger ledger;
    private final DisputeDesk disputes;
    private final DisputeEvidence evidence;

    PortalDisputes(InvoiceLedger ledger, DisputeDesk disputes, DisputeEvidence evidence) {
        this.ledger = ledger;
        this.disputes = disputes;
        this.evidence = evidence;
    }

    @Transactional
    public DisputeView open(PortalLinks.PortalAccess access, String ip, String invoiceNumber, String category,
                            String comment, List<MultipartFile> files) {
        // Another customer's invoice is answered as an unknown one: a link reveals nothing beyond its own account.
        if (invoiceNumber == null || ledger.find(invoiceNumber.strip())
                .filter(invoice -> invoice.getCustomerId().equals(access.customerId())).isEmpty()) {
            throw new NotFoundException("Facture inconnue sur votre compte. / No such invoice on your account.");
        }
        InputErrors errors = new InputErrors();
        List<PortalUploads.Checked> documents = PortalUploads.check(files, errors);
        errors.throwIfAny("the documents sent");
        String actor = PortalDesk.actor(access, ip);
        DisputeView dispute = disputes.open(new DisputeRequest(invoiceNumber.strip(), category, comment), actor);
        for (PortalUploads.Checked document : documents) {
            evidence.attach(dispute.id(), document.fileName(), document.contentType(), document.content(), actor);
        }
        return dispute;
    }
}
