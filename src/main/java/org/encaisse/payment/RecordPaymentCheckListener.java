package org.encaisse.payment;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing Task_CheckAnnouncedPayment: found at the bank or not, and what the collector saw. */
@Component
class RecordPaymentCheckListener implements TaskListener {

    private final AnnouncedPayments announcements;

    RecordPaymentCheckListener(AnnouncedPayments announcements) {
        this.announcements = announcements;
    }

    @Override
    public void notify(DelegateTask task) {
        Object check = task.getVariable("paymentCheck");
        Object comment = task.getVariable("checkComment");
        if (!"FOUND".equals(check) && !"NOT_FOUND".equals(check)) {
            throw new ProcessEngineException("Dites si le paiement figure sur le relevé. / Say whether the payment is on "
                    + "the bank statement.");
        }
        boolean found = "FOUND".equals(check);
        if (!found && (comment == null || comment.toString().isBlank())) {
            throw new ProcessEngineException("Dites ce que vous avez vérifié (compte, dates). / Say what you checked "
                    + "(account, dates).");
        }
        announcements.checked(((Number) task.getVariable("announcementId")).longValue(), found,
                comment == null ? null : comment.toString().strip(),
                task.getAssignee() != null ? task.getAssignee() : "unknown");
    }
}
