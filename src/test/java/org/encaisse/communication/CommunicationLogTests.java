package org.encaisse.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@EncaisseTest
class CommunicationLogTests {

    @Autowired
    Api api;

    @Autowired
    CommunicationLog log;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void recordsAStepOnceWithTheOverdueUndisputedInvoicesAndTheRightContact() {
        String customer = customerWithDirector();
        LocalDate today = ParisDate.today();
        String old = api.invoice(customer, today.minusDays(70).toString(), today.minusDays(40).toString(), "400");
        String recent = api.invoice(customer, today.minusDays(35).toString(), today.minusDays(5).toString(), "100");
        String disputed = api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "70");
        api.invoice(customer, today.toString(), today.plusDays(30).toString(), "999");
        api.post("/api/disputes", "{\"invoiceNumber\": \"%s\", \"category\": \"QUALITY\"}".formatted(disputed));
        Long customerId = customers.get(customer).getId();

        Optional<Communication> first = record("case-1/Task_SendFormalNotice", customerId, CommunicationStep.FORMAL_NOTICE);
        Optional<Communication> again = record("case-1/Task_SendFormalNotice", customerId, CommunicationStep.FORMAL_NOTICE);

        assertThat(first).isPresent();
        assertThat(again.get().getId()).isEqualTo(first.get().getId());
        JsonNode sent = api.get("/api/customers/" + customer + "/communications").getBody();
        assertThat(sent).extracting(c -> c.get("step").asText())
                .containsExactly("DISPUTE_ACKNOWLEDGEMENT", "FORMAL_NOTICE");
        JsonNode notice = sent.get(1);
        assertThat(notice.get("step").asText()).isEqualTo("FORMAL_NOTICE");
        assertThat(notice.get("level").asInt()).isEqualTo(3);
        assertThat(notice.get("recipientRole").asText()).isEqualTo("DIRECTOR");
        assertThat(notice.get("totalOutstanding").decimalValue()).isEqualByComparingTo("500");
        assertThat(notice.get("invoices")).extracting(i -> i.get("invoiceNumber").asText()).containsExactly(old, recent);
        assertThat(notice.get("invoices").get(0).get("daysLate").asInt()).isEqualTo(40);

        Optional<Communication> reminder = record("case-1/Task_SendFirstReminder", customerId, CommunicationStep.FIRST_REMINDER);
        assertThat(reminder.get().getRecipientRole().name()).isEqualTo("ACCOUNTS_PAYABLE");
    }

    @Test
    void recordsNothingWhenNoInvoiceIsLeftToChase() {
        String customer = api.customer();
        api.invoice(customer, ParisDate.today().toString(), ParisDate.today().plusDays(30).toString(), "100");
        Long customerId = customers.get(customer).getId();
        assertThat(record("case-2/Task_SendFirstReminder", customerId, CommunicationStep.FIRST_REMINDER)).isEmpty();
        assertThat(api.get("/api/customers/" + customer + "/communications").getBody()).isEmpty();
    }

    private Optional<Communication> record(String key, Long customerId, CommunicationStep step) {
        return transaction.execute(status -> log.record(key, key.split("/")[0], customerId, step));
    }

    private String customerWithDirector() {
        String id = Api.unique("C");
        api.post("/api/customers", """
                {"externalId": "%s", "name": "Client", "contacts": [
                  {"role": "ACCOUNTS_PAYABLE", "name": "Compta", "email": "compta@example.fr"},
                  {"role": "DIRECTOR", "name": "Directrice", "email": "dg@example.fr"}]}""".formatted(id));
        return id;
    }
}
