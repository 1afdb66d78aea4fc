package org.encaisse.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.encaisse.support.Api;
import org.encaisse.support.CaseWork;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A collector reads on the task's card whom to call and how much is at stake, and the card follows the account:
 * a payment changes the amount on the open task, and the briefing a collector reads before claiming it, at once.
 */
@EncaisseTest
class TaskHeadlineTests {

    @Autowired
    Api api;

    @Autowired
    CaseWork work;

    @Autowired
    TaskService tasks;

    @Test
    void theCallSaysWhoHowMuchAndHowLateAndFollowsAPayment() {
        LocalDate today = ParisDate.today();
        String customer = api.customer();
        String older = api.invoice(customer, today.minusDays(124).toString(), today.minusDays(94).toString(), "35643.00");
        api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "1200.40");
        api.post("/api/aging-runs", "");
        String caseId = work.caseOf(customer);

        Task call = work.nextTask(caseId);
        assertThat(call.getTaskDefinitionKey()).isEqualTo("Task_CallCustomer");
        assertThat(call.getName()).isEqualTo("Appeler le client · Client " + customer + " SAS — 36 843 € échus, 94 j");
        assertThat(call.getDescription()).startsWith("Niveau 1 · dernier courrier : relance 2 du ");
        // TaskPriorityDecision: 30 (10,000 to 50,000 overdue) + 30 (over 90 days late).
        assertThat(call.getPriority()).isEqualTo(60);
        // The briefing is there for a collector who opens the task without claiming it.
        assertThat(call.getAssignee()).isNull();
        assertThat((String) tasks.getVariableLocal(call.getId(), "briefing")).contains(older, "94 j de retard");

        String transfer = Api.unique("VIR");
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 35643.00, "invoiceNumbers": ["%s"]}"""
                .formatted(transfer, today, older));
        assertThat((String) tasks.getVariableLocal(call.getId(), "briefing")).as("the account as it stands now")
                .contains(transfer).doesNotContain("94 j de retard");
        assertThat(tasks.createTaskQuery().taskId(call.getId()).singleResult().getName())
                .isEqualTo("Appeler le client · Client " + customer + " SAS — 1 200 € échus, 20 j");
        // 10 (under 2,000 overdue), nothing for 20 days late.
        assertThat(tasks.createTaskQuery().taskId(call.getId()).singleResult().getPriority()).isEqualTo(10);
    }

    @Autowired
    TaskCardsBackfill backfill;

    @Test
    void aTaskOpenBeforeTheWorklistsGetsItsCardAtTheNextStart() {
        LocalDate today = ParisDate.today();
        String customer = api.customer();
        api.invoice(customer, today.minusDays(70).toString(), today.minusDays(40).toString(), "8200.00");
        api.post("/api/aging-runs", "");
        Task call = work.nextTask(work.caseOf(customer));
        // As a task created by the version before the cards: the model's name only, no card, the default priority.
        tasks.removeVariablesLocal(call.getId(), java.util.List.of(TaskHeadline.CUSTOMER_NAME, TaskHeadline.OVERDUE_AMOUNT,
                TaskHeadline.DAYS_LATE, TaskHeadline.REMINDER_LEVEL, TaskHeadline.BROKEN_PROMISE));
        call.setName("Appeler le client");
        call.setPriority(50);
        tasks.saveTask(call);

        assertThat(backfill.giveMissingCards()).isGreaterThanOrEqualTo(1);

        Task after = tasks.createTaskQuery().taskId(call.getId()).singleResult();
        assertThat(after.getName()).isEqualTo("Appeler le client · Client " + customer + " SAS — 8 200 € échus, 40 j");
        assertThat(tasks.getVariablesLocal(call.getId())).containsEntry(TaskHeadline.OVERDUE_AMOUNT, 8200.0)
                .containsEntry(TaskHeadline.CUSTOMER_NAME, "Client " + customer + " SAS");
        assertThat(backfill.giveMissingCards()).as("nothing left at the next start").isZero();
    }
}
