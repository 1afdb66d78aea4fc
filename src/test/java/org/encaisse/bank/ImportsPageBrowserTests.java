package org.encaisse.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.encaisse.input.ImportHistory;
import org.encaisse.support.Api;
import org.encaisse.support.Browser;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The imports page in headless Chromium, as a credit manager uses it: a bank statement dropped, checked (nothing
 * stored), then imported, and the history showing it; a broken file refused with its line and reason.
 */
@EncaisseTest
class ImportsPageBrowserTests {

    @Autowired
    Api api;

    @Autowired
    BankEntries entries;

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port, Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aStatementIsCheckedThenImportedAndShowsInTheHistory() throws IOException {
        String run = BankSamples.run();
        BankSamples.ledger(api, run, false);
        byte[] content = BankSamples.camt(BankSamples.CAMT_08, run);
        Path file = Files.createTempDirectory("imports").resolve(BankSamples.CAMT_08);
        Files.write(file, content);

        browser.open("/app/imports.html");
        assertThat(browser.state()).isEqualTo("ready");
        new Select(browser.find("#kind")).selectByValue("bank");
        browser.find("#file").sendKeys(file.toString());
        browser.click(By.id("check"));
        browser.await(By.cssSelector("#result tr[data-count='applied']"));
        browser.waitUntilReady();
        assertThat(browser.find("#result-title").getText()).startsWith("Essai à blanc");
        assertThat(browser.find("#result tr[data-count='applied'] td.num").getText()).isEqualTo("3");
        assertThat(browser.find("#result tr[data-count='leftToMatch'] td.num").getText()).isEqualTo("4");
        assertThat(browser.all("#to-match tbody tr")).hasSize(4);
        assertThat(entries.findByBankReference(run + "2026120300001")).as("nothing stored by the check").isEmpty();

        browser.click(By.id("confirm"));
        browser.await(By.xpath("//h2[@id='result-title' and text()='Import effectué']"));
        browser.waitUntilReady();
        assertThat(browser.find("#result tr[data-count='applied'] td.num").getText()).isEqualTo("3");
        assertThat(entries.findByBankReference(run + "2026120300001")).isPresent();
        String sha256 = ImportHistory.sha256(content);
        browser.await(By.cssSelector("#history tr[data-sha256='" + sha256 + "']"));
        assertThat(browser.find("#history tr[data-sha256='" + sha256 + "']").getText())
                .contains(BankSamples.CAMT_08, Api.ADMIN, "Relevé bancaire", "3 paiements rapprochés automatiquement");
        assertThat(browser.find("#progress").getDomAttribute("value")).isEqualTo("100");
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndReason() throws IOException {
        String run = BankSamples.run();
        String broken = new String(BankSamples.camt(BankSamples.CAMT_08, run), StandardCharsets.UTF_8)
                .replaceFirst("<Amt Ccy=\"EUR\">9532.80</Amt>", "<Amt Ccy=\"EUR\">9532.805</Amt>");
        Path file = Files.createTempDirectory("imports").resolve("releve.xml");
        Files.writeString(file, broken);

        browser.open("/app/imports.html");
        new Select(browser.find("#kind")).selectByValue("bank");
        browser.find("#file").sendKeys(file.toString());
        browser.click(By.id("check"));
        browser.await(By.cssSelector("#errors tbody tr"));
        browser.waitUntilReady();
        assertThat(browser.find("#result").getDomAttribute("data-status")).isEqualTo("422");
        assertThat(browser.find("#errors tbody tr").getText()).contains("21", "/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt",
                "has 3 decimals; EUR has 2");
        assertThat(browser.find("#confirm").isEnabled()).isFalse();
    }
}
