package org.encaisse.access;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives open tasks the authorizations the engine writes when it creates a task, where they are missing:
 * a task created while authorizations were off carries none, so its candidate group would no longer see
 * it once they are on. Runs at each start, before the node reports ready, and finds nothing to do after
 * the first time. The grants come from the engine's own authorization provider, so they are the ones a
 * new task gets (its read and work permissions, and the history ones when those are on).
 */
@Component
class TaskGrantsBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskGrantsBackfill.class);
    private static final int TASK = 7;
    private static final int GRANT = 1;

    /** A task's candidate group, or candidate user, that holds no grant on it. */
    private static final String CANDIDATES_WITHOUT_GRANT = """
            SELECT L.TASK_ID_, L.GROUP_ID_, L.USER_ID_ FROM ACT_RU_IDENTITYLINK L
            WHERE L.TASK_ID_ IS NOT NULL AND L.TYPE_ = 'candidate'
              AND (L.GROUP_ID_ IS NULL OR NOT EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A
                    WHERE A.GROUP_ID_ = L.GROUP_ID_ AND A.TYPE_ = ? AND A.RESOURCE_TYPE_ = ? AND A.RESOURCE_ID_ = L.TASK_ID_))
              AND (L.USER_ID_ IS NULL OR NOT EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A
                    WHERE A.USER_ID_ = L.USER_ID_ AND A.TYPE_ = ? AND A.RESOURCE_TYPE_ = ? AND A.RESOURCE_ID_ = L.TASK_ID_))
            """;

    /** A task's assignee or owner who holds no grant on it. */
    private static final String PEOPLE_WITHOUT_GRANT = """
            SELECT T.ID_, T.ASSIGNEE_, 'assignee' FROM ACT_RU_TASK T WHERE T.ASSIGNEE_ IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A
                    WHERE A.USER_ID_ = T.ASSIGNEE_ AND A.TYPE_ = ? AND A.RESOURCE_TYPE_ = ? AND A.RESOURCE_ID_ = T.ID_)
            UNION ALL
            SELECT T.ID_, T.OWNER_, 'owner' FROM ACT_RU_TASK T WHERE T.OWNER_ IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A
                    WHERE A.USER_ID_ = T.OWNER_ AND A.TYPE_ = ? AND A.RESOURCE_TYPE_ = ? AND A.RESOURCE_ID_ = T.ID_)
            """;

    private record Missing(String taskId, String groupId, String userId, String role) {
    }

    private final ProcessEngineConfigurationImpl engine;
    private final JdbcTemplate jdbc;

    TaskGrantsBackfill(ProcessEngineConfigurationImpl engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        int granted = grantMissing();
        if (granted > 0) {
            log.info("Gave {} open task(s) the authorizations the engine writes for a new task: they were created "
                    + "while authorizations were off.", granted);
        }
    }

    /** Writes the missing grants, each in the engine's own transaction, and returns how many were missing. */
    int grantMissing() {
        if (!engine.isAuthorizationEnabled()) {
            return 0;
        }
        List<Missing> missing = new ArrayList<>(jdbc.query(CANDIDATES_WITHOUT_GRANT, (row, i) -> new Missing(
                row.getString(1), row.getString(2), row.getString(3), IdentityLinkType.CANDIDATE), GRANT, TASK, GRANT, TASK));
        missing.addAll(jdbc.query(PEOPLE_WITHOUT_GRANT, (row, i) -> new Missing(row.getString(1), null,
                row.getString(2), row.getString(3)), GRANT, TASK, GRANT, TASK));
        for (Missing grant : missing) {
            engine.getCommandExecutorTxRequired().execute(context -> {
                TaskEntity task = context.getTaskManager().findTaskById(grant.taskId());
                if (task != null) {
                    context.getTaskManager().saveDefaultAuthorizations(grantsFor(task, grant));
                }
                return null;
            });
        }
        return missing.size();
    }

    private AuthorizationEntity[] grantsFor(TaskEntity task, Missing grant) {
        ResourceAuthorizationProvider provider = engine.getResourceAuthorizationProvider();
        return switch (grant.role()) {
            case "assignee" -> provider.newTaskAssignee(task, null, grant.userId());
            case "owner" -> provider.newTaskOwner(task, null, grant.userId());
            default -> grant.groupId() != null
                    ? provider.newTaskGroupIdentityLink(task, grant.groupId(), IdentityLinkType.CANDIDATE)
                    : provider.newTaskUserIdentityLink(task, grant.userId(), IdentityLinkType.CANDIDATE);
        };
    }
}
