package org.encaisse.demo;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Brings the demo's older cases to where a real portfolio would stand: the two friendly reminders
 * recorded and a collector's call waiting in Tasklist, instead of waiting days for the timers.
 */
@Component
class DemoCases {

    /** A case whose oldest invoice fell due this long ago has had its reminders. */
    private static final int REMINDED_AFTER_DAYS = 14;
    private static final int MAX_STEPS = 6;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;

    DemoCases(RuntimeService runtime, ManagementService management, TaskService tasks) {
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
    }

    /** @return how many cases now wait for a collector's call */
    int bringToCall(LocalDate today) {
        int waiting = 0;
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey("CollectionCaseProcess").list()) {
            LocalDate due = LocalDate.parse((String) runtime.getVariable(instance.getId(), "caseDueDate"));
            if (due.plusDays(REMINDED_AFTER_DAYS).isAfter(today)) {
                continue;
            }
            if (advanceToTask(instance.getId())) {
                waiting++;
            }
        }
        return waiting;
    }

    private boolean advanceToTask(String processInstanceId) {
        for (int step = 0; step < MAX_STEPS; step++) {
            if (tasks.createTaskQuery().processInstanceId(processInstanceId).count() > 0) {
                return true;
            }
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).orderByJobDuedate().asc().list();
            if (jobs.isEmpty()) {
                return false;
            }
            try {
                management.executeJob(jobs.get(0).getId());
            } catch (ProcessEngineException takenByTheJobExecutor) {
                // The running job executor got there first; look again.
            }
        }
        return tasks.createTaskQuery().processInstanceId(processInstanceId).count() > 0;
    }
}
