package org.encaisse.insurance;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

/** What a policy says, from CreditInsurancePolicyDecision, the table managers keep in Modeler. */
@Service
public class PolicyRules {

    static final String DECISION = "CreditInsurancePolicyDecision";

    /** One policy's rules; {@code maxExtensionDays}: days after an invoice's due date to declare it. */
    public record Rules(int maxExtensionDays, int waitingPeriodDays, String requiredDocuments, boolean insurerCollects) {
    }

    private final DecisionService decisions;
    private final RepositoryService repository;

    PolicyRules(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** Empty when no line of the table matches, or the matching line gives no declaration deadline. */
    public Optional<Rules> of(String insurer, String policyNumber) {
        DmnDecisionResultEntries line = decisions.evaluateDecisionByKey(DECISION)
                .variables(Map.of("insurer", insurer, "policyNumber", policyNumber)).evaluate().getFirstResult();
        if (line == null || !(line.get("maxExtensionDays") instanceof Number days) || days.intValue() <= 0) {
            return Optional.empty();
        }
        Object waiting = line.get("waitingPeriodDays");
        Object documents = line.get("requiredDocuments");
        return Optional.of(new Rules(days.intValue(), waiting instanceof Number n ? n.intValue() : 0,
                documents == null ? "" : documents.toString(), Boolean.TRUE.equals(line.get("insurerCollects"))));
    }

    /** The insurers the table names, as its first column spells them: for an error message that helps. */
    Set<String> insurers() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        Set<String> names = new LinkedHashSet<>();
        if (latest != null) {
            for (Rule rule : repository.getDmnModelInstance(latest.getId()).getModelElementsByType(Rule.class)) {
                InputEntry first = rule.getInputEntries().iterator().next();
                String text = first.getTextContent().strip();
                if (!text.isEmpty() && !"-".equals(text)) {
                    names.add(text.replace("\"", ""));
                }
            }
        }
        return names;
    }
}
