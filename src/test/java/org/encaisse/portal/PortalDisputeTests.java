package org.encaisse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.RuntimeService;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.customer.PortalLinks;
import org.encaisse.support.Api;
import org.encaisse.support.Browser;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.ParisDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A customer disputes an invoice from its page: the same dispute as one from a call, with its documents checked to
 * be what they claim; every refusal (another customer's invoice, no CSRF token, a false PDF, too many or too large
 * files) stores nothing.
 */
@EncaisseTest
class PortalDisputeTests {

    @Autowired
    Api api;

    @Autowired
    TestRestTemplate anonymous;

    @Autowired
    PortalLinks links;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Autowired
    org.encaisse.support.CaseWork work;

    @LocalServerPort
    int port;

    private final java.time.LocalDate today = ParisDate.today();
    private String customer;
    private String invoice;
    private String token;

    @BeforeEach
    void aCustomerWithItsLink() {
        customer = api.customer();
        invoice = api.invoice(customer, today.minusDays(50).toString(), today.minusDays(20).toString(), "1250.00");
        String link = links.issue(customers.get(customer).getId(), "test");
        token = link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void aDisputeWithAPdfStartsTheDisputePathAndHoldsTheReminders() throws IOException {
        byte[] pdf = aPdf();
        ResponseEntity<JsonNode> opened = dispute(invoice, "DELIVERY", "Il manque 3 palettes sur 10.",
                List.of(file("bon-de-livraison.pdf", pdf)), true);
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = opened.getBody().get("id").asLong();
        assertThat(opened.getBody().get("openedBy").asText()).matches("portal:link \\d+ from .+");
        assertThat(api.get("/api/invoices/" + invoice).getBody().get("status").asText()).isEqualTo("DISPUTED");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DisputeResolutionProcess")
                .processInstanceBusinessKey(invoice).count()).isEqualTo(1);

        JsonNode attachments = api.get("/api/disputes/" + id + "/attachments").getBody();
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0).get("fileName").asText()).isEqualTo("bon-de-livraison.pdf");
        assertThat(attachments.get(0).get("contentType").asText()).isEqualTo("application/pdf");
        ResponseEntity<byte[]> download = api.as(Api.ADMIN, Api.ADMIN_PASSWORD).getForEntity("/api/disputes/" + id
                + "/attachments/" + attachments.get(0).get("id").asLong(), byte[].class);
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();

        // The same invoice again: it already has its dispute.
        assertThat(dispute(invoice, "DELIVERY", "Encore", List.of(), true).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theCollectorsOpenCallShowsTheDisputeInItsBriefingBeforeTheCall() throws IOException {
        api.invoice(customer, today.minusDays(60).toString(), today.minusDays(30).toString(), "400.00");
        api.post("/api/aging-runs", "");
        org.camunda.bpm.engine.task.Task call = work.nextTask(work.caseOf(customer));
        assertThat(call.getTaskDefinitionKey()).isEqualTo("Task_CallCustomer");
        assertThat((String) tasks.getVariableLocal(call.getId(), "briefing")).contains("Litiges en cours :\n- aucun");

        assertThat(dispute(invoice, "PRICING", "Remise de 10 % non appliquée", List.of(), true).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        assertThat((String) tasks.getVariableLocal(call.getId(), "briefing"))
                .contains(invoice + ", PRICING, contestée par le client sur son espace client le "
                        + today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                        + " : « Remise de 10 % non appliquée »");
    }

    @Test
    void everyRefusalStoresNothing() throws IOException {
        String othersInvoice = api.invoice(api.customer(), today.minusDays(50).toString(), today.minusDays(20).toString(), "80");
        assertThat(dispute(othersInvoice, "PRICING", "", List.of(), true).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/invoices/" + othersInvoice).getBody().get("status").asText()).isEqualTo("OPEN");

        assertThat(dispute(invoice, "PRICING", "sans jeton", List.of(), false).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        byte[] notAPdf = "%PDF-1.7\nthis is not a PDF at all".getBytes(StandardCharsets.US_ASCII);
        ResponseEntity<JsonNode> falsePdf = dispute(invoice, "QUALITY", "Pièce", List.of(file("facture.pdf", notAPdf)), true);
        assertThat(falsePdf.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(falsePdf.getBody().toString()).contains("facture.pdf", "neither a PDF");

        byte[] pdf = aPdf();
        ResponseEntity<JsonNode> tooMany = dispute(invoice, "QUALITY", "", List.of(file("a.pdf", pdf), file("b.pdf", pdf),
                file("c.pdf", pdf), file("d.pdf", pdf)), true);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        byte[] large = new byte[50 * 1024 * 1024];
        System.arraycopy(pdf, 0, large, 0, pdf.length);
        ResponseEntity<JsonNode> tooLarge = dispute(invoice, "QUALITY", "", List.of(file("scan.pdf", large)), true);
        assertThat(tooLarge.getStatusCode().is4xxClientError()).as(String.valueOf(tooLarge.getStatusCode())).isTrue();

        assertThat(api.get("/api/invoices/" + invoice).getBody().get("status").asText()).isEqualTo("OPEN");
        assertThat(api.get("/api/customers/" + customer + "/disputes").getBody()).isEmpty();
    }

    @Test
    void theCustomerDisputesFromItsPageWithAPdfAndAScriptInItsWordsStaysText(@org.junit.jupiter.api.io.TempDir Path folder)
            throws IOException {
        Path proof = folder.resolve("photo-palettes.pdf");
        Files.write(proof, aPdf());
        String words = "<script>window.pwned=1</script> Livraison incomplète";
        try (Browser browser = new Browser(port)) {
            browser.open("/portal/" + token);
            new Select(browser.find("#dispute select[name=invoiceNumber]")).selectByValue(invoice);
            new Select(browser.find("#dispute select[name=category]")).selectByValue("DELIVERY");
            browser.find("#dispute textarea[name=comment]").sendKeys(words);
            browser.find("#dispute input[name=files]").sendKeys(proof.toString());
            browser.find("#dispute button").click();
            browser.await(By.cssSelector("#dispute-result.done"));
            assertThat(browser.find("#dispute-result").getText()).startsWith("Contestation enregistrée (n° ")
                    .contains(invoice);
            assertThat(browser.find("#invoices tr[data-invoice='" + invoice + "']").getDomAttribute("data-status"))
                    .isEqualTo("DISPUTED");
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.pwned"))
                    .isNull();
        }
        JsonNode dispute = api.get("/api/customers/" + customer + "/disputes").getBody().get(0);
        assertThat(dispute.get("description").asText()).isEqualTo(words);
        assertThat(dispute.get("category").asText()).isEqualTo("DELIVERY");
        assertThat(api.get("/api/disputes/" + dispute.get("id").asLong() + "/attachments").getBody()).hasSize(1);
    }

    private ResponseEntity<JsonNode> dispute(String number, String category, String comment, List<ByteArrayResource> files,
                                             boolean withCsrf) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("invoiceNumber", number);
        form.add("category", category);
        form.add("comment", comment);
        files.forEach(file -> form.add("files", file));
        return new PortalClient(anonymous).post(token, "disputes", form, withCsrf);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static byte[] aPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
