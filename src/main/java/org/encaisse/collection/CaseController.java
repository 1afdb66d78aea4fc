package org.encaisse.collection;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Where a customer's collection stands: its open case, the step it is at, its promises. */
@RestController
class CaseController {

    private final CollectionCases cases;
    private final CustomerDirectory customers;
    private final PromiseBook promises;
    private final TaskService tasks;
    private final RuntimeService runtime;

    CaseController(CollectionCases cases, CustomerDirectory customers, PromiseBook promises,
                   TaskService tasks, RuntimeService runtime) {
        this.cases = cases;
        this.customers = customers;
        this.promises = promises;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /**
     * The open case: the steps it waits at (a task someone works, or a timer), its open tasks, and
     * the links that open it in Cockpit and its tasks in Tasklist. 404 when the customer has none.
     */
    public record CaseView(String caseId, String customerExternalId, List<String> currentSteps, List<TaskView> tasks,
                           String cockpitUrl, String tasklistUrl) {
    }

    public record TaskView(String id, String name, String assignee, java.util.Date created, java.util.Date due) {
    }

    public record PromiseView(Long id, java.time.LocalDate promisedDate, java.math.BigDecimal amount, String currency,
                              String status, String recordedBy, java.time.Instant recordedAt) {
    }

    @GetMapping("/api/customers/{externalId}/case")
    CaseView openCase(@PathVariable String externalId) {
        customers.get(externalId);
        ProcessInstance instance = cases.openCaseOf(externalId)
                .orElseThrow(() -> new NotFoundException("Customer '" + externalId + "' has no open collection case."));
        List<String> steps = new java.util.ArrayList<>();
        collectSteps(runtime.getActivityInstance(instance.getId()), steps);
        List<TaskView> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .map(CaseController::view).toList();
        return new CaseView(instance.getId(), externalId, steps, open,
                "/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime",
                "/camunda/app/tasklist/default/#/?searchQuery=" + java.net.URLEncoder.encode(
                        "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + externalId
                                + "\",\"name\":\"\"}]", java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/api/customers/{externalId}/promises")
    List<PromiseView> promises(@PathVariable String externalId) {
        Customer customer = customers.get(externalId);
        return promises.ofCustomer(customer.getId()).stream()
                .map(p -> new PromiseView(p.getId(), p.getPromisedDate(), p.getAmount(), p.getCurrency(),
                        p.getStatus().name(), p.getRecordedBy(), p.getRecordedAt()))
                .toList();
    }

    /**
     * The leaves of the case's activity tree: what it is doing now, a task, a timer, or a step
     * waiting for the job executor (a transition instance), by their names in the model.
     */
    private static void collectSteps(ActivityInstance activity, List<String> steps) {
        for (TransitionInstance waiting : activity.getChildTransitionInstances()) {
            add(steps, waiting.getActivityName());
        }
        if (activity.getChildActivityInstances().length == 0 && activity.getChildTransitionInstances().length == 0) {
            add(steps, activity.getActivityName());
        }
        for (ActivityInstance child : activity.getChildActivityInstances()) {
            collectSteps(child, steps);
        }
    }

    private static void add(List<String> steps, String name) {
        if (name != null && !steps.contains(name)) {
            steps.add(name);
        }
    }

    private static TaskView view(Task task) {
        return new TaskView(task.getId(), task.getName(), task.getAssignee(), task.getCreateTime(), task.getDueDate());
    }
}
