package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Pre-due calls end to end: the aging run asks the decision, the call happens on its day, real delegates. */
@EncaisseTest
class PreCollectionCallTests {

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Test
    void aRiskyCustomersInvoiceGetsACallAWeekBeforeItsDueDateAndOnlyOne() {
        String risky = customer("HIGH");
        String invoice = api.invoice(risky, ParisDate.today().minusDays(20).toString(), ParisDate.today().plusDays(5).toString(), "900");
        String safe = customer("LOW");
        String small = api.invoice(safe, ParisDate.today().minusDays(20).toString(), ParisDate.today().plusDays(5).toString(), "900");

        JsonNode run = api.post("/api/aging-runs", "").getBody();
        assertThat(run.get("preDueCallsScheduled").asInt()).isPositive();
        assertThat(api.post("/api/aging-runs", "").getBody().get("preDueCallsScheduled").asInt())
                .as("a second run schedules no second call for the same invoices").isZero();
        assertThat(callFor(small)).isNull();

        ProcessInstance call = callFor(invoice);
        assertThat(call).isNotNull();
        assertThat(runtime.getVariable(call.getId(), "callDate")).isEqualTo(ParisDate.today().toString());
        runNextJob(call);
        Task task = tasks.createTaskQuery().processInstanceId(call.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_CallBeforeDueDate");
        tasks.complete(task.getId(), Map.of("callOutcome", "DISPUTE", "disputeCategory", "ADMINISTRATIVE",
                "disputeComment", "Bon de commande manquant"));
        runNextJob(call);
        assertThat(api.get("/api/invoices/" + invoice).getBody().get("status").asText()).isEqualTo("DISPUTED");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(call.getId()).finished().count()).isEqualTo(1);
    }

    @Test
    void anInvoicePaidBeforeTheCallDayIsNotCalledAbout() {
        String risky = customer("HIGH");
        String invoice = api.invoice(risky, ParisDate.today().minusDays(20).toString(), ParisDate.today().plusDays(3).toString(), "400");
        api.post("/api/aging-runs", "");
        ProcessInstance call = callFor(invoice);
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 400, "invoiceNumbers": ["%s"]}"""
                .formatted(Api.unique("VIR"), ParisDate.today(), invoice));
        runNextJob(call);
        assertThat(tasks.createTaskQuery().processInstanceId(call.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(call.getId())
                .activityId("EndEvent_AlreadyPaid").count()).isEqualTo(1);
    }

    private String customer(String risk) {
        String id = Api.unique("C");
        api.post("/api/customers", """
                {"externalId": "%s", "name": "Client", "riskRating": "%s", "segment": "PME",
                 "contacts": [{"role": "ACCOUNTS_PAYABLE", "name": "Compta", "phone": "+33 1 00 00 00 00"}]}"""
                .formatted(id, risk));
        return id;
    }

    private ProcessInstance callFor(String invoiceNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("PreCollectionCallProcess")
                .processInstanceBusinessKey(invoiceNumber).singleResult();
    }

    private void runNextJob(ProcessInstance instance) {
        List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).list();
        assertThat(jobs).isNotEmpty();
        management.executeJob(jobs.get(0).getId());
    }
}
