package org.encaisse.support;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.encaisse.access.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Calls the running application over HTTP as the test administrator (a manager). */
public class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Tresor-Test-2026";

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private Accounts accounts;

    /** Unique per test run, so tests share one database (even a persistent MariaDB) without clashing. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public TestRestTemplate as(String user, String password) {
        return http.withBasicAuth(user, password);
    }

    /** Creates a user of {@code group}, whose password is {@link #passwordOf}, and returns its id. */
    public String user(String group) {
        // Camunda accepts only letters and digits in user ids.
        String id = unique(group).replace("-", "");
        accounts.ensureUser(id, passwordOf(id), "Test", group, null, java.util.List.of(group));
        return id;
    }

    public static String passwordOf(String user) {
        // Within the engine's password policy (so the same password also goes through /engine-rest), and without the id.
        return "Secret-" + Integer.toHexString(user.hashCode()) + "-X1";
    }

    /** Calls as a user made by {@link #user}. */
    public TestRestTemplate as(String user) {
        return as(user, passwordOf(user));
    }

    public ResponseEntity<JsonNode> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(ADMIN, ADMIN_PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> put(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(ADMIN, ADMIN_PASSWORD).exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> delete(String path) {
        return as(ADMIN, ADMIN_PASSWORD).exchange(path, HttpMethod.DELETE, HttpEntity.EMPTY, JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String path) {
        return as(ADMIN, ADMIN_PASSWORD).getForEntity(path, JsonNode.class);
    }

    public ResponseEntity<JsonNode> upload(String path, String fileName, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(ADMIN, ADMIN_PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    /** What Camunda Modeler sends when someone deploys a file; {@code http} carries the credentials, or none. */
    public static ResponseEntity<String> deployFromModeler(TestRestTemplate http, String fileName, byte[] model) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        String name = fileName.substring(fileName.lastIndexOf('/') + 1).replaceFirst("\\.[a-z]+$", "");
        parts.add("deployment-name", name);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", "true");
        parts.add("data", new ByteArrayResource(model) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }

    public ResponseEntity<JsonNode> upload(String path, String fileName, String utf8) {
        return upload(path, fileName, utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a customer with one accounts-payable contact, compta@{id}.example.fr, and returns its external id. */
    public String customer() {
        String id = unique("C");
        ResponseEntity<JsonNode> created = post("/api/customers", """
                {"externalId": "%s", "name": "Client %s SAS", "contacts": [
                  {"role": "ACCOUNTS_PAYABLE", "name": "Compta", "email": "%s"}]}""".formatted(id, id, emailOf(id)));
        if (!created.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException("Could not create customer: " + created.getBody());
        }
        return id;
    }

    public static String emailOf(String customer) {
        return "compta@" + customer.toLowerCase(java.util.Locale.ROOT) + ".example.fr";
    }

    /** Creates an invoice of {@code amount} EUR and returns its number. */
    public String invoice(String customer, String issueDate, String dueDate, String amount) {
        String number = unique("FA");
        ResponseEntity<JsonNode> created = post("/api/invoices", """
                [{"number": "%s", "customerExternalId": "%s", "issueDate": "%s", "dueDate": "%s",
                  "amount": %s, "currency": "EUR"}]""".formatted(number, customer, issueDate, dueDate, amount));
        if (!created.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException("Could not create invoice: " + created.getBody());
        }
        return number;
    }
}
