package org.encaisse.access;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * What each group may do in the engine, its REST API and the webapps, once authorizations are on.
 * Work on a task comes from being its candidate group: the engine grants that group the task
 * when it creates it, so no group needs a blanket task permission to work its own queue.
 * {@code camunda-admin} is granted everything on every resource, as Camunda's own set-up does for its first
 * administrator: the engine's admin groups only pass its admin-only operations (history clean-up,
 * metrics), while users, groups, memberships, tenants and authorizations are checked like any resource.
 */
final class PermissionMatrix {

    private static final String ANY = "*";

    /** One authorization: a group, a resource (or all of its kind), and exactly these permissions. */
    record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
    }

    static final List<Grant> GRANTS = grants();

    /**
     * Grants earlier versions gave and this one takes back: every group read every saved filter, where each
     * team now sees its own worklists only (the collection module's Worklists grants them one by one).
     */
    static final List<Grant> WITHDRAWN = List.of(
            grant(Groups.COLLECTORS, FILTER, ANY), grant(Groups.SALES, FILTER, ANY),
            grant(Groups.LOGISTICS, FILTER, ANY), grant(Groups.MANAGERS, FILTER, ANY),
            grant(Groups.AUDITORS, FILTER, ANY));

    private PermissionMatrix() {
    }

    private static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (Resources resource : Resources.values()) {
            grants.add(grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
        }

        for (String worker : List.of(Groups.COLLECTORS, Groups.SALES, Groups.LOGISTICS)) {
            grants.add(grant(worker, APPLICATION, "tasklist", Permissions.ACCESS));
            // Tasklist draws the diagram of a task's process.
            grants.add(grant(worker, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
        }

        // Credit managers run the path: they change models and deploy them, approve, move running cases.
        grants.add(grant(Groups.MANAGERS, APPLICATION, "tasklist", Permissions.ACCESS));
        grants.add(grant(Groups.MANAGERS, APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(grant(Groups.MANAGERS, DEPLOYMENT, ANY, Permissions.ALL));
        grants.add(grant(Groups.MANAGERS, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.ALL));
        grants.add(grant(Groups.MANAGERS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.ALL));
        grants.add(grant(Groups.MANAGERS, TASK, ANY, TaskPermissions.ALL));
        grants.add(grant(Groups.MANAGERS, DECISION_DEFINITION, ANY, Permissions.ALL));
        grants.add(grant(Groups.MANAGERS, DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL));
        grants.add(grant(Groups.MANAGERS, BATCH, ANY, BatchPermissions.ALL));
        grants.add(grant(Groups.MANAGERS, HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.ALL));
        grants.add(grant(Groups.MANAGERS, HISTORIC_TASK, ANY, HistoricTaskPermissions.ALL));
        grants.add(grant(Groups.MANAGERS, OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));

        // Auditors read everything, the history above all, and change nothing.
        grants.add(grant(Groups.AUDITORS, APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(grant(Groups.AUDITORS, APPLICATION, "tasklist", Permissions.ACCESS));
        grants.add(grant(Groups.AUDITORS, DEPLOYMENT, ANY, Permissions.READ));
        grants.add(grant(Groups.AUDITORS, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE));
        grants.add(grant(Groups.AUDITORS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(grant(Groups.AUDITORS, TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_VARIABLE));
        grants.add(grant(Groups.AUDITORS, DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(grant(Groups.AUDITORS, DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(grant(Groups.AUDITORS, BATCH, ANY, BatchPermissions.READ, BatchPermissions.READ_HISTORY));
        grants.add(grant(Groups.AUDITORS, HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
        grants.add(grant(Groups.AUDITORS, HISTORIC_TASK, ANY, HistoricTaskPermissions.READ,
                HistoricTaskPermissions.READ_VARIABLE));
        grants.add(grant(Groups.AUDITORS, OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
        return List.copyOf(grants);
    }

    private static Grant grant(String group, Resource resource, String resourceId, Permission... permissions) {
        return new Grant(group, resource, resourceId, List.of(permissions));
    }
}
