package org.encaisse.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.access.Groups;
import org.encaisse.support.Api;
import org.encaisse.support.CaseWork;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The call form as Tasklist asks for it, for two readers of the same task: French to a browser that prefers
 * French (or says nothing), English to one that prefers English, each in one language.
 */
@EncaisseTest
class FormLanguageTests {

    @Autowired
    Api api;

    @Autowired
    CaseWork work;

    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    @Test
    void eachReaderGetsTheFormInTheLanguageItsBrowserAsksFor() {
        Task call = aCall();
        String collector = api.user(Groups.COLLECTORS);

        assertThat(form(collector, call, "en-GB,en;q=0.9,fr;q=0.5").get("key").asText()).isEqualTo("CallCustomerForm_en");
        assertThat(form(collector, call, "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7").get("key").asText()).isEqualTo("CallCustomerForm");
        assertThat(form(collector, call, "de-DE,de;q=0.9").get("key").asText()).isEqualTo("CallCustomerForm");
        assertThat(form(collector, call, "de-DE, en;q=0").get("key").asText()).as("English refused")
                .isEqualTo("CallCustomerForm");
        assertThat(form(collector, call, null).get("key").asText()).isEqualTo("CallCustomerForm");

        assertThat(label(deployedForm(collector, call, "en-US,en;q=0.9"))).isEqualTo("Outcome");
        assertThat(label(deployedForm(collector, call, "fr-FR"))).isEqualTo("Résultat de l'appel");
    }

    @Test
    void aFrenchFormDeployedAloneIsShownInFrenchUntilItsTwinFollows() {
        Task call = aCall();
        String collector = api.user(Groups.COLLECTORS);

        repository.createDeployment().name("French form alone").addClasspathResource("forms/collection/CallCustomerForm.form")
                .deploy();
        assertThat(form(collector, call, "en-GB,en").get("key").asText()).isEqualTo("CallCustomerForm");

        repository.createDeployment().name("its twin").addClasspathResource("forms/collection/en/CallCustomerForm_en.form")
                .deploy();
        assertThat(form(collector, call, "en-GB,en").get("key").asText()).isEqualTo("CallCustomerForm_en");
    }

    private Task aCall() {
        LocalDate today = ParisDate.today();
        String customer = api.customer();
        api.invoice(customer, today.minusDays(70).toString(), today.minusDays(40).toString(), "2400.00");
        api.post("/api/aging-runs", "");
        Task call = work.nextTask(work.caseOf(customer));
        assertThat(call.getTaskDefinitionKey()).isEqualTo("Task_CallCustomer");
        return call;
    }

    /** What Tasklist asks first: which form the task has. */
    private JsonNode form(String user, Task task, String acceptLanguage) {
        return get(user, "/engine-rest/task/" + task.getId() + "/form", acceptLanguage).get("camundaFormRef");
    }

    /** Then the form itself. */
    private JsonNode deployedForm(String user, Task task, String acceptLanguage) {
        return get(user, "/engine-rest/task/" + task.getId() + "/deployed-form", acceptLanguage);
    }

    private JsonNode get(String user, String path, String acceptLanguage) {
        HttpHeaders headers = new HttpHeaders();
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        var response = api.as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response.getBody();
    }

    private static String label(JsonNode form) {
        for (JsonNode component : form.get("components")) {
            if ("callOutcome".equals(component.path("key").asText())) {
                return component.get("label").asText();
            }
        }
        throw new AssertionError("no callOutcome field in " + form);
    }
}
