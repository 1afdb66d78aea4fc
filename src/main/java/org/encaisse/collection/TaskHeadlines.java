package org.encaisse.collection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.input.QueryChunks;
import org.encaisse.invoice.InvoiceBalancesChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every user task of a customer's processes says who and how much on its Tasklist card: its name from the model,
 * then the customer's headline ("Appeler le client · Boulangeries Chevalier SARL — 36 843 € échus, 94 j"), and
 * the one-line summary as its description; its priority is TaskPriorityDecision's, from what is at stake. Set when the task is created, from one place for every model (a parse
 * listener, so that a task a manager adds in Modeler gets it too), and again when a payment or a credit changes
 * what the customer owes, or a promise breaks.
 */
@Component
class TaskHeadlines extends AbstractProcessEnginePlugin implements TaskListener {

    static final String PRIORITY_DECISION = "TaskPriorityDecision";
    private static final int TASK_NAME_LENGTH = 255;
    static final Set<String> PROCESSES = Set.of("CollectionCaseProcess", "PreCollectionCallProcess", "PaymentPlanProcess",
            "CreditInsuranceProcess", "PaymentAnnouncementProcess", "PromiseRequestProcess");

    // Resolved when a task is created: the engine is built before the services the headline reads.
    private final ObjectProvider<TaskHeadline> headline;
    private final ObjectProvider<TaskService> tasks;
    private final ObjectProvider<IdentityService> identity;
    private final ObjectProvider<CustomerDirectory> customers;
    private final ObjectProvider<DecisionService> decisions;
    private final ObjectProvider<CallBriefing> briefing;
    private final ZoneId zone;

    TaskHeadlines(ObjectProvider<TaskHeadline> headline, ObjectProvider<TaskService> tasks,
                  ObjectProvider<IdentityService> identity, ObjectProvider<CustomerDirectory> customers,
                  ObjectProvider<DecisionService> decisions, ObjectProvider<CallBriefing> briefing,
                  @Value("${encaisse.time-zone:Europe/Paris}") String zone) {
        this.customers = customers;
        this.decisions = decisions;
        this.briefing = briefing;
        this.headline = headline;
        this.tasks = tasks;
        this.identity = identity;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && PROCESSES.contains(definition.getKey())
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, TaskHeadlines.this);
                }
            }
        });
    }

    @Override
    public void notify(DelegateTask task) {
        Object customerId = task.getVariable(CaseVariables.CUSTOMER_ID);
        if (customerId instanceof Number id) {
            TaskHeadline.Lines lines = headline.getObject().of(id.longValue(), today());
            task.setName(fitted(modelName(task.getBpmnModelElementInstance().getName(), task.getName()) + " · "
                    + lines.headline()));
            task.setDescription(lines.summary());
            task.setPriority(priority(lines));
            task.setVariablesLocal(lines.card());
        }
    }

    /**
     * The customers' open case and plan tasks follow what they owe, before the change commits. Found by the cases'
     * business keys, a chunk of customers a query, so that an import touching thousands of accounts reads only the
     * few tasks there are; a pre-due call (keyed by its invoice) keeps the headline of its creation.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void balancesChanged(InvoiceBalancesChanged changed) {
        if (changed.customerIds().isEmpty()) {
            return;
        }
        IdentityService users = identity.getObject();
        // The payer's clerk need not be allowed to edit the tasks: the card follows the ledger, not a person.
        Authentication current = users.getCurrentAuthentication();
        users.clearAuthentication();
        try {
            Map<String, Long> byExternalId = new HashMap<>();
            // A thousand customers a query: an import can change more than a statement's placeholders allow.
            for (List<Long> ids : QueryChunks.of(changed.customerIds())) {
                customers.getObject().all(ids).forEach(customer -> byExternalId.put(customer.getExternalId(), customer.getId()));
            }
            Map<Long, TaskHeadline.Lines> computed = new HashMap<>();
            for (List<String> chunk : QueryChunks.of(byExternalId.keySet())) {
                for (Task task : tasks.getObject().createTaskQuery().processDefinitionKeyIn(PROCESSES.toArray(String[]::new))
                        .processInstanceBusinessKeyIn(chunk.toArray(String[]::new)).list()) {
                    Object customerId = tasks.getObject().getVariable(task.getId(), CaseVariables.CUSTOMER_ID);
                    if (customerId instanceof Number id) {
                        refresh(task, id.longValue(),
                                computed.computeIfAbsent(id.longValue(), key -> headline.getObject().of(key, today())));
                    }
                }
            }
        } finally {
            if (current != null) {
                users.setAuthentication(current);
            }
        }
    }

    /**
     * Gives these open tasks their name, priority and card as of now; for tasks created before the cards existed.
     * Runs without a user, each task in the engine's own transaction.
     */
    void refresh(List<String> taskIds) {
        Map<Long, TaskHeadline.Lines> computed = new HashMap<>();
        for (List<String> chunk : QueryChunks.of(taskIds)) {
            for (Task task : tasks.getObject().createTaskQuery().taskIdIn(chunk.toArray(String[]::new)).list()) {
                if (tasks.getObject().getVariable(task.getId(), CaseVariables.CUSTOMER_ID) instanceof Number id) {
                    refresh(task, id.longValue(),
                            computed.computeIfAbsent(id.longValue(), key -> headline.getObject().of(key, today())));
                }
            }
        }
    }

    private void refresh(Task task, long customerId, TaskHeadline.Lines lines) {
        String name = fitted(modelName(null, task.getName()) + " · " + lines.headline());
        int priority = priority(lines);
        if (!name.equals(task.getName()) || !lines.summary().equals(task.getDescription())
                || priority != task.getPriority()) {
            task.setName(name);
            task.setDescription(lines.summary());
            task.setPriority(priority);
            tasks.getObject().saveTask(task);
        }
        if (!lines.card().equals(tasks.getObject().getVariablesLocal(task.getId(), lines.card().keySet()))) {
            tasks.getObject().setVariablesLocal(task.getId(), lines.card());
        }
        // A call's briefing, read before the call is claimed, shows the account as it is now.
        Object written = tasks.getObject().getVariableLocal(task.getId(), CaseVariables.BRIEFING);
        if (written != null) {
            String now = briefing.getObject().of(customerId, today());
            if (!now.equals(written)) {
                tasks.getObject().setVariableLocal(task.getId(), CaseVariables.BRIEFING, now);
            }
        }
    }

    /** TaskPriorityDecision's points, which managers change in Modeler, kept within Tasklist's 0 to 100. */
    private int priority(TaskHeadline.Lines lines) {
        var result = decisions.getObject().evaluateDecisionTableByKey(PRIORITY_DECISION, lines.stakes());
        Object points = result.isEmpty() ? null : result.getSingleResult().getSingleEntry();
        return points instanceof Number number ? Math.max(0, Math.min(100, number.intValue())) : 0;
    }

    /** Camunda keeps a task's name in 255 characters; a long customer name is cut rather than fail the task. */
    static String fitted(String name) {
        return name.length() <= TASK_NAME_LENGTH ? name : name.substring(0, TASK_NAME_LENGTH - 1) + "…";
    }

    /** The task's own name: the model's, or the part of the current name before the headline. */
    private static String modelName(String fromModel, String current) {
        if (fromModel != null) {
            return fromModel;
        }
        if (current == null) {
            return "Tâche";
        }
        int headline = current.indexOf(" · ");
        return headline < 0 ? current : current.substring(0, headline);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    }
}
