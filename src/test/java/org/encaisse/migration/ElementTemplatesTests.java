package org.encaisse.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.encaisse.communication.CommunicationStep;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The element templates managers configure tasks with in Modeler point at what exists: beans,
 * deployed decisions, letter steps; and every task built from one still carries its values.
 */
@EncaisseTest
class ElementTemplatesTests {

    private static final Path TEMPLATES = Path.of("processes/.camunda/element-templates/encaisse.json");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    @Autowired
    ApplicationContext context;

    @Autowired
    RepositoryService repository;

    @Test
    void everyTemplateNamesABeanADecisionOrALetterThatExists() throws IOException {
        JsonNode templates = new ObjectMapper().readTree(TEMPLATES.toFile());
        assertThat(templates.size()).isGreaterThanOrEqualTo(5);
        for (JsonNode template : templates) {
            assertThat(template.get("id").asText()).startsWith("org.encaisse.");
            assertThat(template.get("name").asText()).contains(" / ");
            for (JsonNode property : template.get("properties")) {
                JsonNode binding = property.get("binding");
                String name = binding.path("name").asText();
                if (name.equals("camunda:delegateExpression")) {
                    String bean = property.get("value").asText().replaceAll("^\\$\\{|}$", "");
                    assertThat(context.containsBean(bean)).as(template.get("id") + " names bean " + bean).isTrue();
                }
                if (name.equals("camunda:decisionRef")) {
                    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(property.get("value").asText())
                            .count()).as(template.get("id") + " names a deployed decision").isPositive();
                }
                if (binding.get("type").asText().equals("camunda:inputParameter") && name.equals("step")) {
                    for (JsonNode choice : property.get("choices")) {
                        CommunicationStep.valueOf(choice.get("value").asText());
                    }
                }
            }
        }
    }

    @Test
    void tasksBuiltFromATemplateKeepItsFixedValues() throws IOException {
        Map<String, JsonNode> templates = new HashMap<>();
        new ObjectMapper().readTree(TEMPLATES.toFile()).forEach(t -> templates.put(t.get("id").asText(), t));
        int templated = 0;
        for (Path file : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Task task : model.getModelElementsByType(Task.class)) {
                String id = task.getAttributeValueNs(CAMUNDA, "modelerTemplate");
                if (id == null) {
                    continue;
                }
                templated++;
                JsonNode template = templates.get(id);
                assertThat(template).as(file + " " + task.getId() + " uses a known template").isNotNull();
                for (JsonNode property : template.get("properties")) {
                    JsonNode binding = property.get("binding");
                    if (property.get("type").asText().equals("Hidden") && binding.get("type").asText().equals("property")) {
                        String attribute = binding.get("name").asText().substring("camunda:".length());
                        assertThat(task.getAttributeValueNs(CAMUNDA, attribute)).as(task.getId() + " " + attribute)
                                .isEqualTo(property.get("value").asText());
                    }
                }
            }
        }
        assertThat(templated).isGreaterThanOrEqualTo(10);
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            return files.filter(path -> path.toString().endsWith(".bpmn")).toList();
        }
    }
}
