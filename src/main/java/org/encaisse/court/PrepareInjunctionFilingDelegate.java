package org.encaisse.court;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Task_PrepareInjunctionFiling of the collection case: the request, its amounts computed to today, as a PDF. */
@Component
class PrepareInjunctionFilingDelegate implements JavaDelegate {

    private final InjunctionDesk desk;
    private final ZoneId zone;

    PrepareInjunctionFilingDelegate(InjunctionDesk desk, @Value("${encaisse.time-zone:Europe/Paris}") String zone) {
        this.desk = desk;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void execute(DelegateExecution execution) {
        InjunctionFiling filing = desk.prepare(execution.getProcessInstanceId(), (Long) execution.getVariable("customerId"),
                (String) execution.getVariable("approvedBy"), LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone));
        execution.setVariable("injunctionRequest", "/api/injunctions/" + filing.getCaseId() + "/request.pdf");
        execution.setVariable("injunctionTotal", filing.total().toPlainString() + " " + filing.getCurrency());
    }
}
