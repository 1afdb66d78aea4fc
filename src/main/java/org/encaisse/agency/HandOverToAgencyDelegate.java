package org.encaisse.agency;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Task_HandOverToAgency of the collection case. */
@Component
class HandOverToAgencyDelegate implements JavaDelegate {

    private final AgencyDesk desk;
    private final ZoneId zone;

    HandOverToAgencyDelegate(AgencyDesk desk, @Value("${encaisse.time-zone:Europe/Paris}") String zone) {
        this.desk = desk;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void execute(DelegateExecution execution) {
        desk.handOver((Long) execution.getVariable("customerId"), execution.getProcessInstanceId(),
                (String) execution.getVariable("approvedBy"),
                LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone))
                // The managers' next task says whom to send the file to, and whose reference to enter.
                .ifPresent(handoff -> execution.setVariable("handedOverTo", handoff.getCollector() == null
                        ? "Agence de recouvrement / Collection agency"
                        : "Service recouvrement de " + handoff.getCollector() + " (assureur-crédit) / "
                        + handoff.getCollector() + "'s collection service (credit insurer)"));
    }
}
