package org.encaisse.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One ordered list of what happened to a customer: the engine's history of its processes
 * (steps entered and left, who claimed and completed each task, decisions with their inputs and
 * outputs, incidents) merged with the domain audit trail (imports, payments, letters, promises,
 * disputes, handoff). Each entry says when, who (a user or a rule), what, on which invoices.
 */
@Service
public class CaseTimeline {

    private static final Set<String> STEPS = Set.of("userTask", "serviceTask", "businessRuleTask", "sendTask",
            "intermediateTimer", "intermediateMessageCatch", "startEvent", "noneEndEvent", "callActivity",
            "messageStartEvent", "conditionalStartEvent", "startTimerEvent");

    private final HistoryService history;
    private final AuditTrail audit;

    CaseTimeline(HistoryService history, AuditTrail audit) {
        this.history = history;
        this.audit = audit;
    }

    /** {@code source}: {@code engine} or {@code audit}; {@code reference}: the process instance or the audited subject. */
    public record Event(Instant at, String who, String source, String kind, String what, List<String> invoices,
                        String reference) {
    }

    /**
     * @param businessKeys the customer's external id and its invoice numbers: the keys its processes
     *                     (case, plans, letters, disputes, pre-due calls) are found by
     */
    @Transactional(readOnly = true)
    public List<Event> of(Long customerId, String customerExternalId, Set<String> businessKeys) {
        List<Event> events = new ArrayList<>();
        for (AuditTrail.Entry entry : audit.ofCustomer(customerId)) {
            events.add(new Event(entry.occurredAt(), entry.actor(), "audit", entry.action(),
                    entry.subject() + (entry.details() == null ? "" : " — " + entry.details()),
                    entry.invoiceNumbers() == null ? List.of() : List.of(entry.invoiceNumbers().split(",")),
                    entry.subject()));
        }
        for (String key : businessKeys) {
            for (HistoricProcessInstance process : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
                    .list()) {
                List<String> invoices = key.equals(customerExternalId) ? List.of() : List.of(key);
                addProcess(process, invoices, events);
            }
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::source).thenComparing(Event::kind));
        return events;
    }

    /** Only what concerns one invoice: entries naming it, and the processes keyed by it. */
    public List<Event> ofInvoice(List<Event> customerTimeline, String invoiceNumber) {
        return customerTimeline.stream().filter(event -> event.invoices().contains(invoiceNumber)).toList();
    }

    private void addProcess(HistoricProcessInstance process, List<String> invoices, List<Event> events) {
        String id = process.getId();
        String name = process.getProcessDefinitionName() == null ? process.getProcessDefinitionKey()
                : process.getProcessDefinitionName();
        for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery().processInstanceId(id).list()) {
            if (!STEPS.contains(step.getActivityType()) || step.getActivityName() == null) {
                continue;
            }
            String who = step.getAssignee() != null ? step.getAssignee() : "rule:" + name;
            events.add(new Event(step.getStartTime().toInstant(), who, "engine", "STEP_ENTERED", name + " — " + step.getActivityName(),
                    invoices, id));
            if (step.getEndTime() != null && step.getActivityType().equals("userTask")) {
                events.add(new Event(step.getEndTime().toInstant(), who, "engine", "TASK_COMPLETED",
                        name + " — " + step.getActivityName(), invoices, id));
            }
        }
        for (UserOperationLogEntry operation : history.createUserOperationLogQuery().processInstanceId(id).list()) {
            if (operation.getUserId() == null || operation.getProperty() != null
                    && !Set.of("assignee", "owner").contains(operation.getProperty()) && !operation.getOperationType()
                    .equals(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)) {
                continue;
            }
            events.add(new Event(operation.getTimestamp().toInstant(), operation.getUserId(), "engine",
                    "USER_" + operation.getOperationType().toUpperCase(java.util.Locale.ROOT),
                    name + " — " + operation.getEntityType() + (operation.getNewValue() == null ? ""
                            : " " + operation.getProperty() + " = " + operation.getNewValue()), invoices, id));
        }
        for (var detail : history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().list()) {
            // Values a person entered: they came with a user operation (a task completed in Tasklist or over REST).
            if (detail.getUserOperationId() == null || !(detail instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate update)) {
                continue;
            }
            String who = history.createUserOperationLogQuery().operationId(detail.getUserOperationId()).list().stream()
                    .filter(entry -> entry.getUserId() != null && Set.of(UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
                            UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE).contains(entry.getOperationType()))
                    .map(UserOperationLogEntry::getUserId).findFirst().orElse(null);
            if (who == null) {
                continue;
            }
            events.add(new Event(detail.getTime().toInstant(), who, "engine", "OUTCOME_ENTERED",
                    name + " — " + update.getVariableName() + " = " + update.getValue(), invoices, id));
        }
        for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery().processInstanceId(id)
                .includeInputs().includeOutputs().list()) {
            String inputs = decision.getInputs().stream()
                    .map(input -> input.getClauseName() + " = " + input.getValue()).collect(Collectors.joining(", "));
            String outputs = decision.getOutputs().stream()
                    .map(output -> output.getClauseName() + " = " + output.getValue()).collect(Collectors.joining(", "));
            Set<String> rules = decision.getOutputs().stream().map(output -> output.getRuleId())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            events.add(new Event(decision.getEvaluationTime().toInstant(), "rule:" + decision.getDecisionDefinitionKey(), "engine",
                    "DECISION", decision.getDecisionDefinitionName() + " (rule " + String.join(", ", rules) + "): "
                            + inputs + " → " + outputs, invoices, id));
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(id).list()) {
            events.add(new Event(incident.getCreateTime().toInstant(), "rule:" + name, "engine", "INCIDENT",
                    incident.getActivityId() + ": " + incident.getIncidentMessage()
                            + (incident.isResolved() ? " (resolved " + incident.getEndTime() + ")" : " (open)"),
                    invoices, id));
        }
    }
}
