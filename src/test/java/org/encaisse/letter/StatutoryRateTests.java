package org.encaisse.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.access.Groups;
import org.encaisse.support.Api;
import org.encaisse.support.CaseWork;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * A letter that would claim interest over a half-year whose statutory rate nobody entered is held, not sent with
 * another half-year's rate; the managers are asked for that rate, once, and the letter goes out on its next try
 * after they entered it. The daily run asks for the next half-year's rate fifteen days before it starts.
 */
@EncaisseTest
class StatutoryRateTests {

    @Autowired
    Api api;

    @Autowired
    CaseWork work;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    StatutoryRates rates;

    @Autowired
    StatutoryRateWatch watch;

    @Test
    void aFirmLetterNeedingAnUnenteredRateIsHeldUntilAManagerEntersIt() {
        // Due in the second half of 2020, before the configured table starts: its interest needs the 2020-H2 rate.
        String customer = api.customer();
        String invoice = api.invoice(customer, "2020-11-16", "2020-12-16", "1000.00");
        api.post("/api/aging-runs", "");
        String caseId = work.caseOf(customer);
        // So old a debt reaches its limitation date too: a manager secures it first.
        work.work(caseId, "Task_SecureClaimBeforeLimitation", api.user(Groups.MANAGERS), """
                {"claimSecuredBy": {"value": "ACKNOWLEDGMENT"}, "acknowledgedOn": {"value": "%s"},
                 "limitationComment": {"value": "Lettre du débiteur reconnaissant la dette"}}"""
                .formatted(ParisDate.today().minusDays(1)));
        work.runJobs(caseId);
        work.work(caseId, "Task_CallCustomer", api.user(Groups.COLLECTORS), "{\"callOutcome\": {\"value\": \"NO_AGREEMENT\"}}");
        work.nextTask(caseId);
        // Its first try, then the wait, then a second try: held each time, recorded once.
        work.deliverLetters(customer);
        work.deliverLetters(customer);
        work.deliverLetters(customer);

        JsonNode firm = letter(customer, "FIRM_LETTER");
        assertThat(firm.get("status").asText()).isEqualTo("PENDING");
        assertThat(firm.get("lastError").asText()).contains("Held", "2020-07-01");
        assertThat(api.get("/api/customers/" + customer + "/timeline").getBody())
                .filteredOn(event -> event.get("kind").asText().equals("LETTER_HELD")).hasSize(1);
        ProcessInstance delivery = deliveryOf(customer, firm.get("id").asLong());
        assertThat(management.createJobQuery().processInstanceId(delivery.getId()).timers().count())
                .as("waiting for the rate").isEqualTo(1);

        ProcessInstance request = runtime.createProcessInstanceQuery().processDefinitionKey("StatutoryRateProcess")
                .processInstanceBusinessKey("taux-2020-07-01").singleResult();
        assertThat(request).as("one request for the half-year").isNotNull();
        runJobs(request.getId());
        Task enter = tasks.createTaskQuery().processInstanceId(request.getId()).singleResult();
        assertThat(enter.getName()).isEqualTo("Saisir le taux légal du semestre");
        assertThat(tasks.getIdentityLinksForTask(enter.getId())).anyMatch(link -> "managers".equals(link.getGroupId()));
        assertThat(watch.ask(List.of(LocalDate.of(2020, 7, 1)))).as("asked once only").isZero();

        String manager = api.user(Groups.MANAGERS);
        ResponseEntity<String> refused = work.tryToComplete(request.getId(), "Task_EnterStatutoryRate", manager,
                "{\"ratePercent\": {\"value\": 45}}");
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody()).contains("from 0 to 30");
        // The ECB main refinancing rate was 0.00 % on 1 July 2020.
        work.work(request.getId(), "Task_EnterStatutoryRate", manager,
                "{\"ratePercent\": {\"value\": 10.00}, \"rateSource\": {\"value\": \"Banque de France, JO du 4 juillet 2020\"}}");
        assertThat(rates.entered(LocalDate.of(2020, 7, 1))).contains(new BigDecimal("10.00"));

        runJobs(delivery.getId());
        JsonNode sent = letter(customer, "FIRM_LETTER");
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("totalInterest").decimalValue()).isPositive();
        assertThat(sent.get("invoices").get(0).get("invoiceNumber").asText()).isEqualTo(invoice);
    }

    @Test
    void theNextHalfYearsRateIsAskedForFifteenDaysAhead() {
        // Years ahead, where no rate is entered: the half-year under way is asked for at once.
        LocalDate next = LatePaymentInterest.halfYearStart(ParisDate.today()).plusMonths(6).plusYears(5);
        assertThat(watch.askIfDue(next.minusDays(16))).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("taux-" + next.minusMonths(6)).count())
                .isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("taux-" + next).count()).isZero();
        assertThat(watch.askIfDue(next.minusDays(15))).isEqualTo(1);
        assertThat(watch.askIfDue(next.minusDays(3))).as("once").isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("taux-" + next).count()).isEqualTo(1);
    }

    private JsonNode letter(String customer, String step) {
        for (JsonNode letter : api.get("/api/customers/" + customer + "/communications").getBody()) {
            if (letter.get("step").asText().equals(step)) {
                return letter;
            }
        }
        throw new AssertionError("no " + step + " for " + customer);
    }

    private ProcessInstance deliveryOf(String customer, long communicationId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("CommunicationDeliveryProcess")
                .processInstanceBusinessKey(customer).list().stream()
                .filter(p -> Long.valueOf(communicationId).equals(runtime.getVariable(p.getId(), "communicationId")))
                .findFirst().orElseThrow();
    }

    private void runJobs(String processInstanceId) {
        for (int i = 0; i < 5; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
