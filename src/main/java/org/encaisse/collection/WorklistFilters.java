package org.encaisse.collection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.encaisse.access.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Writes {@link Worklists} into the engine at each start: creates a filter that is missing, sets the others to
 * what the code says (found by the key kept in their properties, so a filter renamed here is renamed, not
 * duplicated), and gives each exactly its groups' read grant. The code owns these filters: a change made to one in
 * Tasklist's filter dialog (which cannot show their "unassigned or mine" condition) is undone at the next start.
 * Filters the code does not know, made by an administrator in Tasklist, are left as they are; each is seen by
 * the groups an administrator grants it to in Admin.
 */
@Component
class WorklistFilters implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(WorklistFilters.class);
    static final String KEY = "encaisseWorklist";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    WorklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void afterPropertiesSet() {
        List<Filter> existing = filters.createFilterQuery().filterResourceType(Resources.TASK.resourceName()).list();
        for (Worklists.Worklist worklist : Worklists.ALL) {
            Filter filter = find(existing, worklist).orElseGet(() -> filters.newTaskFilter(worklist.name()));
            filter.setName(worklist.name());
            filter.setOwner(null);
            filter.setQuery(worklist.query().apply(tasks));
            filter.setProperties(properties(worklist));
            filters.saveFilter(filter);
            grantExactly(filter.getId(), worklist.groups());
        }
        log.info("Tasklist's {} saved filters are set.", Worklists.ALL.size());
    }

    private Optional<Filter> find(List<Filter> existing, Worklists.Worklist worklist) {
        List<Filter> byKey = existing.stream()
                .filter(filter -> filter.getProperties() != null && worklist.key().equals(filter.getProperties().get(KEY)))
                .toList();
        // Two nodes starting together on a new database may each have created it: one is kept.
        byKey.stream().skip(1).forEach(duplicate -> filters.deleteFilter(duplicate.getId()));
        if (!byKey.isEmpty()) {
            return Optional.of(byKey.get(0));
        }
        // A filter that lost its key (an administrator saved it in Tasklist's dialog) or Camunda's start-up one.
        String formerName = worklist.key().equals("all") ? Worklists.FORMER_ALL_TASKS : worklist.name();
        return existing.stream()
                .filter(filter -> filter.getName().equals(worklist.name()) || filter.getName().equals(formerName))
                .filter(filter -> filter.getProperties() == null || filter.getProperties().get(KEY) == null)
                .findFirst();
    }

    private static Map<String, Object> properties(Worklists.Worklist worklist) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(KEY, worklist.key());
        properties.put("description", worklist.description());
        properties.put("priority", worklist.order());
        properties.put("color", worklist.color());
        properties.put("refresh", false);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", worklist.card());
        return properties;
    }

    /** The filter's group grants become exactly its groups' READ; grants to single users stay an administrator's choice. */
    private void grantExactly(String filterId, List<String> groups) {
        List<Authorization> current = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filterId).list();
        for (Authorization grant : current) {
            if (grant.getGroupId() != null && !groups.contains(grant.getGroupId())
                    && !Groups.CAMUNDA_ADMIN.equals(grant.getGroupId())) {
                authorizations.deleteAuthorization(grant.getId());
            }
        }
        for (String group : groups) {
            Authorization read = current.stream()
                    .filter(grant -> group.equals(grant.getGroupId()) && grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
                    .findFirst().orElseGet(() -> newGrant(group, filterId));
            read.setPermissions(new Permission[] {Permissions.READ});
            authorizations.saveAuthorization(read);
        }
    }

    private Authorization newGrant(String group, String filterId) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        return grant;
    }
}
