package org.encaisse.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, logged in with HTTP Basic through the address.
 * Needs the packages chromium and chromium-driver (.ci/run installs them).
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;

    public Browser(int port, String user, String password) {
        this("http://" + user + ":" + password + "@127.0.0.1:" + port);
    }

    /** A browser that logs in as a person does, on the login page of Camunda's webapps. */
    public Browser(int port) {
        this("http://127.0.0.1:" + port);
    }

    private Browser(String base) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--lang=fr-FR");
        // What a French browser asks servers for; headless Chromium otherwise sends en-US whatever --lang says.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = base;
    }

    /** Opens the page and waits until its script says it is ready (or failed). */
    public Browser open(String path) {
        driver.get(base + path);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            String state = d.findElement(By.tagName("body")).getDomAttribute("data-state");
            return "ready".equals(state) || "error".equals(state);
        });
        return this;
    }

    /** Waits for the page's script to finish what a click started. */
    public void waitUntilReady() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "ready".equals(state()) || "error".equals(state()));
    }

    public String state() {
        return driver.findElement(By.tagName("body")).getDomAttribute("data-state");
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Goes to the page at {@code path}, without waiting for a script of ours. */
    public void go(String path) {
        driver.get(base + path);
    }

    /** Waits up to 30 s for what a page builds by script; an element the page draws again is looked up again. */
    public WebElement await(By what) {
        return patiently().until(d -> {
            List<WebElement> found = d.findElements(what);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /**
     * Logs in on the login page of one of Camunda's webapps as a person does, and waits until the form is gone.
     * Angular may draw the form again while it starts, losing what was typed: the fields are checked before the
     * click, and the whole step tried again (three times at most) while the form stays; a refusal is reported with
     * what the page said.
     */
    public void logInToWebapp(String app, String user, String password) {
        go("/camunda/app/" + app + "/default/");
        By name = By.cssSelector("input[type=text]");
        By secret = By.cssSelector("input[type=password]");
        for (int attempt = 1; attempt <= 3; attempt++) {
            patiently().until(d -> {
                WebElement userField = d.findElement(name);
                WebElement passwordField = d.findElement(secret);
                if (!userField.isDisplayed()) {
                    return null;
                }
                userField.clear();
                userField.sendKeys(user);
                passwordField.clear();
                passwordField.sendKeys(password);
                return user.equals(userField.getDomProperty("value"))
                        && password.equals(passwordField.getDomProperty("value")) ? true : null;
            });
            click(By.cssSelector("button[type=submit]"));
            try {
                new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElements(secret).stream().noneMatch(WebElement::isDisplayed));
                return;
            } catch (org.openqa.selenium.TimeoutException stillThere) {
                // the form is still shown: typed into a form drawn again, or refused; try again from the fields
            }
        }
        throw new IllegalStateException(user + " could not log in to " + app + "; the page says: "
                + driver.findElement(By.tagName("body")).getText());
    }

    /** Clicks what {@code what} finds once it is there and enabled, again if the page drew it anew meanwhile. */
    public void click(By what) {
        patiently().until(d -> {
            WebElement element = d.findElement(what);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return null;
            }
            element.click();
            return true;
        });
    }

    /** Ticks a check box, and waits until it stays ticked: a list drawn again after a click loses the tick. */
    public void tick(By checkbox) {
        patiently().until(d -> {
            WebElement box = d.findElement(checkbox);
            if (!box.isSelected()) {
                box.click();
            }
            return box.isSelected() ? true : null;
        });
    }

    private WebDriverWait patiently() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
        return wait;
    }

    /** Runs a script that calls its last argument when done, and returns what it passed; up to 60 s. */
    public Object asyncScript(String javascript, Object... arguments) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
    }

    /** Brings the element to the middle of the window, out from under Tasklist's footer, and clicks it. */
    public void clickInView(By what) {
        patiently().until(d -> {
            WebElement element = d.findElement(what);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return null;
            }
            script("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return true;
        });
    }

    public Object script(String javascript, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
