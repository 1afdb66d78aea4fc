package org.encaisse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.encaisse.support.Api;
import org.encaisse.support.Browser;
import org.encaisse.support.CaseWork;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.MailBody;
import org.encaisse.support.MailCatcher;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The customer's portal as a customer meets it: the link in the email the SMTP sink received opens that customer's
 * own account, without a login; a wrong, tampered, expired or revoked link gets one and the same answer.
 */
@EncaisseTest
class PortalTests {

    private static final Pattern LINK = Pattern.compile("https?://[^\"\\s<>]+/portal/([A-Za-z0-9_-]{43})");

    @Autowired
    Api api;

    @Autowired
    CaseWork work;

    @Autowired
    TestRestTemplate anonymous;

    @LocalServerPort
    int port;

    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    private final java.time.LocalDate today = ParisDate.today();

    @AfterEach
    void backToNow() {
        ClockUtil.reset();
    }

    @Test
    void theLinkInTheReminderOpensTheCustomersOwnAccountAndNothingElse() {
        String customer = api.customer();
        String late = api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "1250.00");
        String notDue = api.invoice(customer, today.minusDays(5).toString(), today.plusDays(25).toString(), "300.00");
        String other = api.customer();
        String othersInvoice = api.invoice(other, today.minusDays(50).toString(), today.minusDays(20).toString(), "999.00");
        String token = tokenFromTheFirstReminderTo(customer);

        ResponseEntity<JsonNode> account = anonymous.getForEntity("/portal/" + token + "/account", JsonNode.class);
        assertThat(account.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = account.getBody();
        assertThat(body.get("customerName").asText()).isEqualTo("Client " + customer + " SAS");
        assertThat(body.get("invoices")).extracting(invoice -> invoice.get("number").asText())
                .containsExactlyInAnyOrder(late, notDue).doesNotContain(othersInvoice);
        JsonNode total = body.get("totals").get(0);
        assertThat(total.get("outstanding").decimalValue()).isEqualByComparingTo("1550.00");
        assertThat(total.get("overdue").decimalValue()).isEqualByComparingTo("1250.00");
        assertThat(body.get("letters")).isNotEmpty();
        assertThat(body.toString()).doesNotContain(other);

        ResponseEntity<String> page = anonymous.getForEntity("/portal/" + token, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(page.getHeaders().getCacheControl()).contains("no-store");

        assertThat(api.get("/api/customers/" + customer + "/timeline").getBody())
                .anyMatch(event -> event.get("kind").asText().equals("PORTAL_VISITED")
                        && event.get("who").asText().matches("portal:link \\d+ from .+")
                        && !event.toString().contains(token));
        ResponseEntity<byte[]> statement = anonymous.getForEntity("/portal/" + token + "/statement.pdf", byte[].class);
        assertThat(statement.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(statement.getHeaders().getContentType()).isEqualTo(org.springframework.http.MediaType.APPLICATION_PDF);
        assertThat(org.encaisse.support.PdfText.of(statement.getBody()).replace('\u202F', ' ').replace('\u00A0', ' '))
                .contains("Relevé de compte — Client " + customer + " SAS", late, notDue, "1 550,00 €", "1 250,00 €")
                .doesNotContain(othersInvoice);
        assertThat(anonymous.getForEntity("/portal/" + "B".repeat(43) + "/statement.pdf", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // The API's own pages still ask who is calling.
        assertThat(anonymous.getForEntity("/api/customers/" + customer, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongATamperedAnExpiredOrARevokedLinkGetsTheSameAnswer() {
        String customer = api.customer();
        api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "640.00");
        String token = tokenFromTheFirstReminderTo(customer);
        ResponseEntity<String> wrong = anonymous.getForEntity("/portal/" + "A".repeat(43) + "/account", String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        char last = token.charAt(42);
        String tampered = token.substring(0, 42) + (last == 'A' ? 'B' : 'A');
        for (String refused : List.of(tampered, "not-a-token", token + "x", token.substring(1))) {
            ResponseEntity<String> answer = anonymous.getForEntity("/portal/" + refused + "/account", String.class);
            assertThat(answer.getStatusCode()).as(refused).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody()).as(refused).isEqualTo(wrong.getBody());
            assertThat(anonymous.getForEntity("/portal/" + refused, String.class).getBody()).isEqualTo(wrong.getBody());
        }

        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(Duration.ofDays(61))));
        ResponseEntity<String> expired = anonymous.getForEntity("/portal/" + token + "/account", String.class);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(expired.getBody()).isEqualTo(wrong.getBody());
        ClockUtil.reset();
        assertThat(anonymous.getForEntity("/portal/" + token + "/account", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        String collector = api.user("collectors");
        assertThat(api.as(collector).postForEntity("/api/customers/" + customer + "/portal-links/revocation", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> revoked = api.post("/api/customers/" + customer + "/portal-links/revocation", "");
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revoked.getBody().get("revoked").asInt()).isPositive();
        ResponseEntity<String> afterRevocation = anonymous.getForEntity("/portal/" + token + "/account", String.class);
        assertThat(afterRevocation.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(afterRevocation.getBody()).isEqualTo(wrong.getBody());
    }

    @Test
    void oneLinkIsRateLimited() {
        String guessed = "Z".repeat(43);
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            if (anonymous.getForEntity("/portal/" + guessed + "/account", String.class).getStatusCode().value() == 429) {
                refused++;
            }
        }
        assertThat(refused).as("requests over 30 a minute on one link").isGreaterThanOrEqualTo(10);
    }

    @Test
    void theCustomerOpensTheLinkOfItsEmailDisputesOneInvoiceWithAPdfAndPromisesToPayTheOther(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws java.io.IOException {
        // A name that is markup: the page shows it as written and runs nothing of it.
        String customer = Api.unique("C");
        api.post("/api/customers", """
                {"externalId": "%s", "name": "<img src=x onerror=\\"window.pwned=1\\">Atelier Lumière", "contacts": [
                  {"role": "ACCOUNTS_PAYABLE", "name": "Compta", "email": "%s"}]}""".formatted(customer, Api.emailOf(customer)));
        String late = api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "1250.00");
        String wrong = api.invoice(customer, today.minusDays(45).toString(), today.minusDays(15).toString(), "380.00");
        String token = tokenFromTheFirstReminderTo(customer);
        java.nio.file.Path proof = folder.resolve("bon-de-livraison.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            pdf.save(proof.toFile());
        }

        try (Browser browser = new Browser(port)) {
            browser.open("/portal/" + token);
            assertThat(browser.state()).isEqualTo("ready");
            assertThat(browser.find("h1").getText()).isEqualTo("Votre compte — <img src=x onerror=\"window.pwned=1\">Atelier Lumière");
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.pwned"))
                    .isNull();
            assertThat(browser.find("#invoices tr[data-invoice='" + late + "']").getText().replace('\u202F', ' ')
                    .replace('\u00A0', ' ')).contains("1 250,00 €", "20");
            assertThat(new java.math.BigDecimal(browser.find("[data-figure='EUR.overdue']").getDomAttribute("data-value")))
                    .isEqualByComparingTo("1630.00");
            assertThat(browser.all("#letters tbody tr")).isNotEmpty();

            // One invoice is wrong: disputed with the delivery note.
            new org.openqa.selenium.support.ui.Select(browser.find("#dispute select[name=invoiceNumber]")).selectByValue(wrong);
            new org.openqa.selenium.support.ui.Select(browser.find("#dispute select[name=category]")).selectByValue("DELIVERY");
            browser.find("#dispute textarea[name=comment]").sendKeys("Livraison jamais reçue");
            browser.find("#dispute input[name=files]").sendKeys(proof.toString());
            browser.find("#dispute button").click();
            browser.await(org.openqa.selenium.By.cssSelector("#dispute-result.done"));
            assertThat(browser.find("#invoices tr[data-invoice='" + wrong + "']").getDomAttribute("data-status"))
                    .isEqualTo("DISPUTED");

            // "Already paid", told from the page: the collectors get the check.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('#paid input[name=paidOn]').value = arguments[0]", today.minusDays(1).toString());
            browser.find("#paid input[name=amount]").sendKeys("100,00");
            browser.find("#paid input[name=bankReference]").sendKeys("VIR-PORTAIL-1");
            browser.find("#paid button").click();
            browser.await(org.openqa.selenium.By.cssSelector("#paid-result.done"));
            assertThat(browser.find("#paid-result").getText()).startsWith("Merci : votre paiement du ");
            assertThat(tasks.createTaskQuery().processDefinitionKey("PaymentAnnouncementProcess")
                    .processInstanceBusinessKey(customer).count()).isEqualTo(1);

            // A promise within the policy answers the case's open call.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('#promise input[name=promisedDate]').value = arguments[0]",
                    today.plusDays(7).toString());
            browser.find("#promise input[name=promisedAmount]").sendKeys("1250");
            browser.find("#promise button").click();
            browser.await(org.openqa.selenium.By.cssSelector("#promise-result.done"));
            assertThat(browser.find("#promise-result").getDomAttribute("data-status")).isEqualTo("RECORDED");
            assertThat(browser.find("#promise-result").getText()).startsWith("Merci : votre promesse de paiement est enregistrée");

            // The call answered, a payment plan cannot be asked for online any more: the page says why.
            browser.find("#plan input[name=installmentCount]").sendKeys("6");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('#plan input[name=firstInstallmentDate]').value = arguments[0]",
                    today.plusDays(20).toString());
            browser.find("#plan button").click();
            browser.await(org.openqa.selenium.By.cssSelector("#plan-result.refused"));
            assertThat(browser.find("#plan-result").getText()).contains("ne permet pas de demander un échéancier");

            browser.go("/portal/" + "Q".repeat(43));
            assertThat(browser.driver().getPageSource()).contains("Ce lien n'est pas ou plus valable");
        }
        // The case shows both: the dispute, out of the reminders, and the promise it now waits for (recorded by the
        // step after the call, which the job executor runs).
        String caseId = work.caseOf(customer);
        for (var job : management.createJobQuery().processInstanceId(caseId).messages().list()) {
            management.executeJob(job.getId());
        }
        assertThat(runtime.getActiveActivityIds(caseId)).contains("Event_PromiseDue");
        JsonNode dispute = api.get("/api/customers/" + customer + "/disputes").getBody().get(0);
        assertThat(dispute.get("invoiceNumber").asText()).isEqualTo(wrong);
        assertThat(api.get("/api/disputes/" + dispute.get("id").asLong() + "/attachments").getBody()).hasSize(1);
        assertThat(api.get("/api/customers/" + customer + "/promises").getBody().get(0).get("recordedBy").asText())
                .startsWith("portal:link ");
        assertThat(api.get("/api/customers/" + customer + "/timeline").getBody())
                .anyMatch(event -> event.get("kind").asText().equals("DISPUTE_OPENED"))
                .anyMatch(event -> event.get("kind").asText().equals("PROMISE_RECORDED"));
    }

    private String tokenFromTheFirstReminderTo(String customer) {
        api.post("/api/aging-runs", "");
        String caseId = work.caseOf(customer);
        work.nextTask(caseId);
        work.deliverLetters(customer);
        List<MimeMessage> mails = MailCatcher.receivedBy(Api.emailOf(customer));
        assertThat(mails).as("the reminders sent to " + customer).isNotEmpty();
        Matcher link = LINK.matcher(MailBody.html(mails.get(0)));
        assertThat(link.find()).as("a portal link in the reminder").isTrue();
        return link.group(1);
    }
}
