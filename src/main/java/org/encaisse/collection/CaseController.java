package org.encaisse.collection;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
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
    private final HistoryService history;

    CaseController(CollectionCases cases, CustomerDirectory customers, PromiseBook promises,
                   TaskService tasks, HistoryService history) {
        this.cases = cases;
        this.customers = customers;
        this.promises = promises;
        this.tasks = tasks;
        this.history = history;
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
        List<String> steps = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .unfinished().orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .filter(activity -> !activity.getActivityType().equals("processDefinition")
                        && !activity.getActivityType().equals("subProcess"))
                .map(HistoricActivityInstance::getActivityName).filter(name -> name != null).distinct().toList();
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

    private static TaskView view(Task task) {
        return new TaskView(task.getId(), task.getName(), task.getAssignee(), task.getCreateTime(), task.getDueDate());
    }
}
