package org.encaisse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** History past each model's time-to-live goes in the nightly window; history still within it stays. */
@EncaisseTest
class HistoryCleanupTests {

    @Autowired
    Api api;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngineConfiguration configuration;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void runsAtNightAndRemovesOnlyWhatOutlivedItsTimeToLive() {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(repository.createProcessDefinitionQuery().list())
                .allSatisfy(process -> assertThat(process.getHistoryTimeToLive()).as(process.getKey()).isNotNull());

        // An aging run (kept 180 days) and a delivered letter (kept 10 years), both ended today.
        Job morning = management.createJobQuery().processDefinitionKey("AgingRunProcess").timers().singleResult();
        management.executeJob(morning.getId());
        String agingRun = runtime.createProcessInstanceQuery().processDefinitionKey("AgingRunProcess").singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(agingRun).singleResult().getId());
        String customer = api.customer();
        LocalDate today = ParisDate.today();
        String invoice = api.invoice(customer, today.minusDays(40).toString(), today.minusDays(10).toString(), "80.00");
        api.post("/api/disputes", "{\"invoiceNumber\": \"%s\", \"category\": \"QUALITY\"}".formatted(invoice));
        String delivery = runtime.createProcessInstanceQuery().processDefinitionKey("CommunicationDeliveryProcess")
                .processInstanceBusinessKey(customer).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(delivery).singleResult().getId());
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(agingRun).finished().count()).isEqualTo(1);

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(200))));
        Job cleanup = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(agingRun).count()).as("past 180 days").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(agingRun).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(delivery).count()).as("within 10 years")
                .isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(delivery).count()).isPositive();
    }
}
