package org.encaisse.config;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The engine's work waiting, as details for an operator: whether this node's job executor runs, the
 * jobs due now, the jobs out of retries and the open incidents. Never a reason to call the node down:
 * a backlog drains, a node configured without a job executor serves pages, and an incident is a case
 * for Cockpit, not for a restart. It stands in for the Camunda starter's job-executor indicator
 * (switched off in application.yaml), which answers DOWN on a node without a job executor.
 */
@Component("jobsHealthIndicator")
class JobBacklogHealth extends AbstractHealthIndicator {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final JobExecutor executor;

    JobBacklogHealth(ManagementService management, RuntimeService runtime, ProcessEngineConfigurationImpl engine) {
        super("The engine's jobs could not be counted");
        this.management = management;
        this.runtime = runtime;
        this.executor = engine.getJobExecutor();
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.up()
                .withDetail("executorActive", executor != null && executor.isActive())
                .withDetail("dueNow", management.createJobQuery().executable().count())
                .withDetail("outOfRetries", management.createJobQuery().noRetriesLeft().count())
                .withDetail("openIncidents", runtime.createIncidentQuery().count());
    }
}
