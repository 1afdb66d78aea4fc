package org.encaisse.dispute;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.FrenchAmount;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.springframework.stereotype.Component;

/**
 * When a dispute's task is created: names it after the customer, the invoice, what it leaves owed and what is
 * contested ("Trancher le litige · Boulangeries Chevalier SARL — facture FA-2026-0042, 1 200 €, livraison"), with
 * the customer's words as its description, so that the team that settles it reads on the card what it is about.
 */
@Component
class DisputeHeadlineListener implements TaskListener {

    private static final Map<DisputeCategory, String> CONTESTED = Map.of(DisputeCategory.PRICING, "prix",
            DisputeCategory.DELIVERY, "livraison", DisputeCategory.QUALITY, "qualité",
            DisputeCategory.ADMINISTRATIVE, "erreur de facturation");

    private static final int TASK_NAME_LENGTH = 255;

    private final Disputes disputes;
    private final InvoiceLedger ledger;
    private final CustomerDirectory customers;

    DisputeHeadlineListener(Disputes disputes, InvoiceLedger ledger, CustomerDirectory customers) {
        this.disputes = disputes;
        this.ledger = ledger;
        this.customers = customers;
    }

    @Override
    public void notify(DelegateTask task) {
        Object disputeId = task.getVariable(DisputeVariables.DISPUTE_ID);
        if (!(disputeId instanceof Number id)) {
            return;
        }
        Dispute dispute = disputes.findById(id.longValue()).orElse(null);
        if (dispute == null) {
            return;
        }
        Invoice invoice = ledger.byIds(java.util.List.of(dispute.getInvoiceId())).stream().findFirst().orElse(null);
        if (invoice == null) {
            return;
        }
        String customer = customers.get(invoice.getCustomerId()).getName();
        String name = (task.getName() == null ? "Litige" : task.getName()) + " · " + customer + " — facture " + invoice.getNumber() + ", "
                + FrenchAmount.rounded(invoice.getOutstandingAmount(), invoice.getCurrency()) + ", "
                + CONTESTED.get(dispute.getCategory());
        // Camunda keeps a task's name in 255 characters: a long customer name is cut rather than fail the task.
        task.setName(name.length() <= TASK_NAME_LENGTH ? name : name.substring(0, TASK_NAME_LENGTH - 1) + "…");
        if (dispute.getDescription() != null && !dispute.getDescription().isBlank()) {
            task.setDescription("« " + dispute.getDescription() + " »");
        }
        task.setVariableLocal("customerName", customer);
    }
}
