package org.encaisse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An open task created while authorizations were off holds no grant, so its candidate group and its
 * assignee lose sight of it once they are on; the start-up backfill gives it what the engine gives a new task.
 */
@EncaisseTest
class TaskGrantsBackfillTests {

    @Autowired
    Api api;

    @Autowired
    TaskService tasks;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    TaskGrantsBackfill backfill;

    @Test
    void aTaskWithoutItsGrantsGetsTheEnginesOwnBackAndOnlyOnce() {
        String salesRep = api.user(Groups.SALES);
        String customer = api.customer();
        LocalDate today = ParisDate.today();
        String invoice = api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "900");
        api.post("/api/disputes", "{\"invoiceNumber\": \"%s\", \"category\": \"PRICING\", \"description\": \"Prix\"}"
                .formatted(invoice));
        String task = tasks.createTaskQuery().processInstanceBusinessKey(invoice).singleResult().getId();
        tasks.setAssignee(task, salesRep);
        List<String> asTheEngineWroteThem = grantsOn(task);
        assertThat(asTheEngineWroteThem).hasSize(2);

        // As a database where the task was created before authorizations were turned on has it.
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        assertThat(api.as(salesRep).getForEntity("/engine-rest/task/" + task, String.class).getStatusCode().value())
                .isEqualTo(404);

        assertThat(backfill.grantMissing()).isGreaterThanOrEqualTo(2);

        assertThat(grantsOn(task)).containsExactlyInAnyOrderElementsOf(asTheEngineWroteThem);
        assertThat(api.as(salesRep).getForEntity("/engine-rest/task/" + task, String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(backfill.grantMissing()).as("a second start finds nothing to do").isZero();
    }

    /** Who holds which permissions on the task, in a form two lists can be compared by. */
    private List<String> grantsOn(String task) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).list().stream()
                .filter(grant -> grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
                .map(grant -> (grant.getGroupId() != null ? "group " + grant.getGroupId() : "user " + grant.getUserId())
                        + " " + Arrays.toString(grant.getPermissions(Arrays.stream(
                        org.camunda.bpm.engine.authorization.TaskPermissions.values())
                        .toArray(org.camunda.bpm.engine.authorization.Permission[]::new))))
                .toList();
    }
}
