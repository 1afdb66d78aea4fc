package org.encaisse.migration;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.encaisse.input.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of a process to a newer version: a migration plan from each older
 * version that still has instances (activities mapped by id, event triggers updated), then each
 * instance in a transaction of its own, so that one that cannot move (it waits at a step the new
 * version removed, say) is reported with the engine's reasons and the others still move. A dry
 * run does the same and rolls every instance back.
 */
@Service
public class ProcessMigrations {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TransactionTemplate ownTransaction;

    ProcessMigrations(RepositoryService repository, RuntimeService runtime, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record Report(String processDefinitionKey, int targetVersion, String targetId, boolean dryRun,
                         int movable, int notMovable, List<InstanceOutcome> instances) {
    }

    /** {@code moved}: migrated (or, in a dry run, would be); {@code reasons}: why not. */
    public record InstanceOutcome(String processInstanceId, String businessKey, int fromVersion, boolean moved,
                                  List<String> reasons) {
    }

    /** @param only the instances to move; empty for every instance of an older version */
    public Report migrate(String key, Integer targetVersion, boolean dryRun, java.util.Collection<String> only) {
        ProcessDefinition target = target(key, targetVersion);
        List<InstanceOutcome> outcomes = new ArrayList<>();
        for (ProcessDefinition source : repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().asc().list()) {
            if (source.getVersion() >= target.getVersion()) {
                continue;
            }
            List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list()
                    .stream().filter(instance -> only.isEmpty() || only.contains(instance.getId())).toList();
            if (instances.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = runtime.createMigrationPlan(source.getId(), target.getId())
                        .mapEqualActivities().updateEventTriggers().build();
            } catch (MigrationPlanValidationException invalid) {
                List<String> reasons = planReasons(invalid);
                instances.forEach(instance -> outcomes.add(new InstanceOutcome(instance.getId(), instance.getBusinessKey(),
                        source.getVersion(), false, reasons)));
                continue;
            }
            for (ProcessInstance instance : instances) {
                outcomes.add(migrate(plan, instance, source.getVersion(), dryRun));
            }
        }
        int moved = (int) outcomes.stream().filter(InstanceOutcome::moved).count();
        return new Report(key, target.getVersion(), target.getId(), dryRun, moved, outcomes.size() - moved, outcomes);
    }

    private InstanceOutcome migrate(MigrationPlan plan, ProcessInstance instance, int fromVersion, boolean dryRun) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                if (dryRun) {
                    status.setRollbackOnly();
                }
            });
            return new InstanceOutcome(instance.getId(), instance.getBusinessKey(), fromVersion, true, List.of());
        } catch (MigratingProcessInstanceValidationException cannot) {
            return new InstanceOutcome(instance.getId(), instance.getBusinessKey(), fromVersion, false, instanceReasons(cannot));
        }
    }

    private ProcessDefinition target(String key, Integer version) {
        var query = repository.createProcessDefinitionQuery().processDefinitionKey(key);
        ProcessDefinition target = version == null ? query.latestVersion().singleResult()
                : query.processDefinitionVersion(version).singleResult();
        if (target == null) {
            throw new NotFoundException("No process '" + key + "'" + (version == null ? "" : " in version " + version)
                    + " is deployed.");
        }
        return target;
    }

    private static List<String> planReasons(MigrationPlanValidationException invalid) {
        List<String> reasons = new ArrayList<>();
        for (MigrationInstructionValidationReport report : invalid.getValidationReport().getInstructionReports()) {
            report.getFailures().forEach(failure -> reasons.add(report.getMigrationInstruction().getSourceActivityId()
                    + ": " + failure));
        }
        reasons.addAll(invalid.getValidationReport().getVariableReports().values().stream()
                .flatMap(report -> report.getFailures().stream()).toList());
        return reasons.isEmpty() ? List.of(invalid.getMessage()) : reasons;
    }

    private static List<String> instanceReasons(MigratingProcessInstanceValidationException cannot) {
        List<String> reasons = new ArrayList<>(cannot.getValidationReport().getFailures());
        for (MigratingActivityInstanceValidationReport activity : cannot.getValidationReport().getActivityInstanceReports()) {
            activity.getFailures().forEach(failure -> reasons.add(activity.getSourceScopeId() + ": " + failure));
        }
        for (MigratingTransitionInstanceValidationReport transition : cannot.getValidationReport().getTransitionInstanceReports()) {
            transition.getFailures().forEach(failure -> reasons.add(transition.getSourceScopeId() + ": " + failure));
        }
        return reasons;
    }
}
