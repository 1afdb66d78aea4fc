package org.encaisse.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.encaisse.support.Api;
import org.encaisse.support.Browser;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard and the customer page in headless Chromium: what they show is what the API says. */
@EncaisseTest
class AnalyticsPagesBrowserTests {

    @Autowired
    Api api;

    @Autowired
    org.encaisse.support.CaseWork work;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @LocalServerPort
    int port;

    private Browser browser;
    private final LocalDate today = ParisDate.today();

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port, Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theDashboardShowsTheApisFigures() {
        browser.open("/app/dashboard.html");
        JsonNode dashboard = api.get("/api/analytics/dashboard").getBody();
        JsonNode balance = dashboard.get("agedBalance");

        assertThat(browser.state()).isEqualTo("ready");
        assertShows(browser.find("#kpi-total"), balance.get("total").get("total").decimalValue());
        assertShows(browser.find("#kpi-overdue"), balance.get("total").get("overdue").decimalValue());
        assertThat(browser.find("#kpi-customers").getText()).isEqualTo(balance.get("customerCount").asText());
        for (String band : List.of("notDue", "days1to30", "days31to60", "days61to90", "days91to120", "over120")) {
            assertShows(browser.find("#bands tr[data-band='" + band + "'] td.num"), balance.get("total").get(band).decimalValue());
        }
        List<String> shownDebtors = new ArrayList<>();
        browser.all("#top-debtors tbody tr").forEach(row -> shownDebtors.add(row.getDomAttribute("data-customer")));
        List<String> apiDebtors = new ArrayList<>();
        balance.get("customers").forEach(line -> apiDebtors.add(line.get("externalId").asText()));
        assertThat(shownDebtors).isEqualTo(apiDebtors);
        for (JsonNode level : dashboard.get("openCasesByLevel")) {
            assertThat(browser.find("#cases tr[data-level='" + level.get("level").asInt() + "'] td.num").getText())
                    .isEqualTo(level.get("openCases").asText());
        }
        assertThat(browser.find("#terms-count").getText()).isEqualTo(dashboard.get("paymentTerms").get("count").asText());
        List<String> shownTerms = new ArrayList<>();
        browser.all("#terms tbody tr").forEach(row -> shownTerms.add(row.getDomAttribute("data-invoice")));
        List<String> apiTerms = new ArrayList<>();
        dashboard.get("paymentTerms").get("invoices").forEach(line -> apiTerms.add(line.get("number").asText()));
        assertThat(shownTerms).isEqualTo(apiTerms);
        assertThat(browser.script("return Chart.getChart('aged-chart').data.datasets.length")).isEqualTo(6L);
        assertThat(browser.script("return Chart.getChart('dso-chart').data.labels.length")).isEqualTo(12L);
    }

    @Test
    void filteringBySegmentShowsThatSegmentsHandComputedBalance() {
        String segment = Api.unique("SEG");
        String customer = customerIn(segment);
        api.invoice(customer, today.minusDays(70).toString(), today.minusDays(40).toString(), "1500.00");
        api.invoice(customer, today.minusDays(20).toString(), today.plusDays(10).toString(), "250.50");

        browser.open("/app/dashboard.html");
        browser.find("input[name=segment]").sendKeys(segment);
        browser.script("document.body.dataset.state = 'filtering'");
        browser.find("#filters button[type=submit]").click();
        browser.waitUntilReady();

        assertShows(browser.find("#kpi-total"), new BigDecimal("1750.50"));
        assertThat(plain(browser.find("#kpi-total").getText())).isEqualTo("1 750,50 €");
        assertShows(browser.find("#bands tr[data-band='days31to60'] td.num"), new BigDecimal("1500.00"));
        assertShows(browser.find("#bands tr[data-band='notDue'] td.num"), new BigDecimal("250.50"));
        assertThat(browser.find("#kpi-customers").getText()).isEqualTo("1");
        assertThat(browser.find("#csv").getDomAttribute("href")).contains("segment=" + segment);
    }

    @Test
    void theCustomerPageShowsItsAccountInvoicesLettersAndCase() {
        String customer = customerIn(Api.unique("SEG"));
        String late = api.invoice(customer, today.minusDays(70).toString(), today.minusDays(40).toString(), "1500.00");
        api.post("/api/payments", """
                {"bankReference": "%s", "date": "%s", "amount": 500.00, "invoiceNumbers": ["%s"]}"""
                .formatted(Api.unique("VIR"), today, late));

        browser.open("/app/customer.html?id=" + customer);

        assertThat(browser.state()).isEqualTo("ready");
        assertThat(browser.find("#name").getText()).isEqualTo("Menuiserie " + customer + " SARL");
        JsonNode account = api.get("/api/customers/" + customer).getBody().get("balances").get(0);
        assertShows(browser.find("[data-figure='EUR.outstanding']"), account.get("outstanding").decimalValue());
        assertShows(browser.find("[data-figure='EUR.overdue']"), account.get("overdue").decimalValue());
        WebElement invoice = browser.find("#invoices tr[data-invoice='" + late + "']");
        assertThat(plain(invoice.getText())).contains("1 000,00 €", "40", "payée en partie");
        // The part payment acknowledged the debt today: five years run again from it.
        assertThat(invoice.findElement(org.openqa.selenium.By.cssSelector("td.limitation")).getText())
                .isEqualTo(today.plusYears(5).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(plain(browser.find("#payments tbody").getText())).contains("500,00 €", late);
        assertThat(browser.find("#case").getText()).contains("Aucun dossier de recouvrement ouvert");

        api.post("/api/aging-runs", "");
        JsonNode openCase = api.get("/api/customers/" + customer + "/case").getBody();
        browser.open("/app/customer.html?id=" + customer);
        assertThat(browser.find("#case").getDomAttribute("data-case-id")).isEqualTo(openCase.get("caseId").asText());
        List<String> steps = new ArrayList<>();
        openCase.get("currentSteps").forEach(step -> steps.add(step.asText()));
        assertThat(steps).isNotEmpty();
        assertThat(browser.all("#case .steps li")).extracting(WebElement::getText).isEqualTo(steps);
        assertThat(browser.find("#cockpit").getDomAttribute("href")).isEqualTo(openCase.get("cockpitUrl").asText());
        List<String> kinds = new ArrayList<>();
        api.get("/api/customers/" + customer + "/timeline").getBody().forEach(event -> kinds.add(0, event.get("kind").asText()));
        assertThat(browser.all("#timeline tbody tr")).extracting(row -> row.getDomAttribute("data-kind")).isEqualTo(kinds);
        assertThat(kinds).contains("INVOICES_IMPORTED", "PAYMENT_RECORDED", "DECISION");

        browser.open("/app/customer.html?id=NOPE-404");
        assertThat(browser.state()).isEqualTo("error");
        assertThat(browser.find("#error").getText()).contains("NOPE-404");
    }

    @Test
    void theCustomerPageShowsTheInsuranceCoverAndTheDeclarationDueSoonInRed() {
        String customer = customerIn("PME");
        String invoice = api.invoice(customer, today.minusDays(85).toString(), today.minusDays(55).toString(), "70000.00");
        api.put("/api/customers/" + customer + "/insurance-cover", """
                {"insurer": "Atradius", "policyNumber": "ATR-1", "grantedLimit": "60000", "grantedOn": "%s"}"""
                .formatted(today.minusYears(1)));
        api.post("/api/aging-runs", "");
        work.nextTask(runtime.createProcessInstanceQuery().processDefinitionKey("CreditInsuranceProcess")
                .processInstanceBusinessKey(customer).singleResult().getId());

        browser.open("/app/customer.html?id=" + customer);

        assertThat(browser.state()).isEqualTo("ready");
        assertThat(browser.find("#insurance").getDomAttribute("data-insurer")).isEqualTo("Atradius");
        assertThat(plain(browser.find("#insurance .cover").getText())).contains("Atradius, police ATR-1", "60 000,00 €");
        WebElement exposure = browser.find("#insurance .exposure");
        assertThat(plain(exposure.getText())).contains("non couvert 10 000,00 €");
        assertThat(exposure.getDomAttribute("class")).contains("late");
        WebElement declaration = browser.find("#declarations tr[data-state='AWAITED']");
        assertThat(plain(declaration.getText())).contains(invoice, "à déclarer",
                today.plusDays(5).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(declaration.findElement(org.openqa.selenium.By.cssSelector("td")).getDomAttribute("class"))
                .isEqualTo("late");

        String uninsured = customerIn("PME");
        browser.open("/app/customer.html?id=" + uninsured);
        assertThat(browser.find("#insurance").getText()).isEqualTo("Client non assuré.");
        assertThat(browser.all("#declarations tbody tr")).isEmpty();
    }

    @Test
    void theDashboardListsTheDeclarationsToMakeAndTheCoversLost() {
        String lost = customerIn("TPE");
        String lostInvoice = api.invoice(lost, today.minusDays(100).toString(), today.minusDays(70).toString(), "2500.00");
        api.put("/api/customers/" + lost + "/insurance-cover", """
                {"insurer": "Coface", "policyNumber": "CF-2", "grantedLimit": "10000", "grantedOn": "%s"}"""
                .formatted(today.minusYears(1)));
        api.post("/api/aging-runs", "");
        work.runJobs(runtime.createProcessInstanceQuery().processDefinitionKey("CreditInsuranceProcess")
                .processInstanceBusinessKey(lost).singleResult().getId());

        browser.open("/app/dashboard.html");

        assertThat(browser.state()).isEqualTo("ready");
        WebElement row = browser.find("#declarations tr[data-customer='" + lost + "'][data-state='COVER_LOST']");
        assertThat(plain(row.getText())).contains("Menuiserie " + lost + " SARL", "Coface CF-2", "couverture perdue",
                lostInvoice, "2 500,00 €");
        assertThat(row.findElement(org.openqa.selenium.By.cssSelector("td")).getDomAttribute("class")).isEqualTo("late");
        List<String> shown = new ArrayList<>();
        browser.all("#declarations tbody tr").forEach(tr -> shown.add(tr.getDomAttribute("data-customer")));
        List<String> listed = new ArrayList<>();
        for (String state : List.of("AWAITED", "COVER_LOST")) {
            api.get("/api/insurance-declarations?state=" + state).getBody()
                    .forEach(declaration -> listed.add(declaration.get("customerExternalId").asText()));
        }
        assertThat(shown).isEqualTo(listed);
    }

    private String customerIn(String segment) {
        String id = Api.unique("C");
        api.post("/api/customers", """
                {"externalId": "%s", "name": "Menuiserie %s SARL", "segment": "%s", "contacts": [
                  {"role": "ACCOUNTS_PAYABLE", "name": "Compta", "email": "%s"}]}""".formatted(id, id, segment,
                Api.emailOf(id)));
        return id;
    }

    /** The figure on the page is the API's, as the API wrote it, and shown the French way. */
    private static void assertShows(WebElement element, BigDecimal expected) {
        assertThat(new BigDecimal(element.getDomAttribute("data-value"))).isEqualByComparingTo(expected);
        assertThat(plain(element.getText())).isEqualTo(plain(String.format(java.util.Locale.FRANCE, "%,.2f", expected)) + " €");
    }

    /** French figures as read aloud: the (narrow) no-break spaces a page puts in numbers as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ');
    }
}
