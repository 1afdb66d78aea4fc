package org.encaisse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@EncaisseTest
class AuthenticationTests {

    @Autowired
    TestRestTemplate anonymous;

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    IdentityService identity;

    String collector;
    String auditor;

    @BeforeEach
    void users() {
        // Camunda accepts only letters and digits in user ids.
        collector = Api.unique("collector").replace("-", "");
        auditor = Api.unique("auditor").replace("-", "");
        accounts.ensureUser(collector, "collector-pw", "Marie", "Test", null, List.of(Groups.COLLECTORS));
        accounts.ensureUser(auditor, "auditor-pw", "Alain", "Test", null, List.of(Groups.AUDITORS));
    }

    @Test
    void theApiAsksForCredentials() {
        ResponseEntity<String> response = anonymous.getForEntity("/api/customers/C0001", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(api.as(collector, "wrong").getForEntity("/api/customers/C0001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as("nobody-" + collector, "collector-pw").getForEntity("/engine-rest/engine", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theEngineRestApiAsksForCredentialsToo() {
        assertThat(anonymous.getForEntity("/engine-rest/engine", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as(collector, "collector-pw").getForEntity("/engine-rest/engine", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCollectorReadsAndWritesAnAuditorOnlyReads() {
        String customer = api.customer();
        assertThat(api.as(auditor, "auditor-pw").getForEntity("/api/customers/" + customer, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        String body = "{\"externalId\": \"%s\", \"name\": \"X\"}".formatted(Api.unique("C"));
        assertThat(postAs(auditor, "auditor-pw", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postAs(collector, "collector-pw", body).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theWebappsRequireTheirOwnLogin() {
        assertThat(anonymous.getForEntity("/camunda/api/engine/engine/default/task/count", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> loginPage = anonymous.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(loginPage.getStatusCode()).as(loginPage.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void healthIsPublicOtherActuatorEndpointsAreNot() {
        assertThat(anonymous.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getForEntity("/actuator/env", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyRoleGroupExistsAndTheAdministratorManages() {
        for (String group : List.of("collectors", "sales", "logistics", "managers", "auditors", "camunda-admin")) {
            assertThat(identity.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
        }
        assertThat(identity.createGroupQuery().groupMember(Api.ADMIN).list()).extracting(g -> g.getId())
                .contains("managers", "camunda-admin");
        assertThat(identity.checkPassword(Api.ADMIN, Api.ADMIN_PASSWORD)).isTrue();
    }

    @Test
    void theCallerIsKnownToTheEngine() {
        ResponseEntity<JsonNode> me = api.as(collector, "collector-pw")
                .getForEntity("/engine-rest/identity/groups?userId=" + collector, JsonNode.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("groups")).extracting(g -> g.get("id").asText()).containsExactly("collectors");
    }

    private ResponseEntity<String> postAs(String user, String password, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api.as(user, password).exchange("/api/customers", HttpMethod.POST, new HttpEntity<>(json, headers),
                String.class);
    }
}
