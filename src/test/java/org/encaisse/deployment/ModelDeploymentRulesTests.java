package org.encaisse.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** A manager deploying from Modeler: what a model may not carry is refused, saying what and where. */
@EncaisseTest
class ModelDeploymentRulesTests {

    @Autowired
    Api api;

    @Autowired
    RepositoryService repository;

    @Test
    void aScriptTaskIsRefused() {
        assertRefused(process("""
                <bpmn:scriptTask id="Task_RunScript" scriptFormat="groovy">
                  <bpmn:script>"rm -rf /".execute()</bpmn:script>
                </bpmn:scriptTask>"""), "script tasks are not allowed", "line 5", "Task_RunScript");
    }

    @Test
    void aScriptInAListenerIsRefused() {
        assertRefused(process("""
                <bpmn:serviceTask id="Task_Notify" camunda:expression="${true}">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start">
                      <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
                    </camunda:executionListener>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>"""), "scripts (camunda:script) are not allowed in listeners", "line 8");
    }

    @Test
    void aJavaClassOffTheAllowListIsRefused() {
        assertRefused(process("""
                <bpmn:serviceTask id="Task_Run" camunda:class="java.lang.ProcessBuilder"/>"""),
                "Java class 'java.lang.ProcessBuilder' is not on the allow-list", "Task_Run", "org.encaisse.*");
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveIsRefused() {
        String model = process("<bpmn:userTask id=\"Task_Wait\"/>").replace(" camunda:historyTimeToLive=\"P30D\"", "");
        assertRefused(model, "History Time To Live");
    }

    @Test
    void aDoctypeIsRefused() {
        String model = process("<bpmn:userTask id=\"Task_Wait\"/>").replaceFirst("\\?>",
                "?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
        assertRefused(model, "DOCTYPE");
    }

    private void assertRefused(String model, String... saying) {
        long before = repository.createProcessDefinitionQuery().processDefinitionKey("ModelerUploadProcess").count();
        ResponseEntity<String> response = deploy(model);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains(saying);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("ModelerUploadProcess").count())
                .as("nothing deployed").isEqualTo(before);
    }

    /** A one-task process as Modeler saves it, the task's XML given; line 5 is the task's first line. */
    private static String process(String task) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Upload" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="ModelerUploadProcess" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="StartEvent_Started"/>
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(task);
    }

    private ResponseEntity<String> deploy(String model) {
        return Api.deployFromModeler(api.as(Api.ADMIN, Api.ADMIN_PASSWORD), "ModelerUploadProcess.bpmn",
                model.getBytes(StandardCharsets.UTF_8));
    }
}
