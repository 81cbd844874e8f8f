package com.deleverage.admin.console;

import com.deleverage.admin.Api.User;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's headless chromium, driven through chromedriver, against the platform under test: one per test
 * class (starting one costs about a second). Never skipped: without chromium the test fails and says how to
 * install it (.ci/run does).
 */
final class Browser implements AutoCloseable {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /** Where the guide (docs/console.md) finds the screenshots; the tests run in admin-api/. */
    private static final Path SCREENSHOTS = Path.of("../docs/console");
    /** Waits for a page or an htmx swap, never a bound on how fast the platform must be. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(URL platform) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("the console's browser tests need Debian's chromium and chromedriver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
                "--disable-gpu", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        String base = platform.toString().replaceAll("/$", "");
        return new Browser(driver, base);
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Signs out whoever was signed in (by dropping the cookies) and signs {@code user} in with the form. */
    void signIn(User user) {
        signIn(user.username(), user.password());
        waitFor(By.id("user-name"));
        waitForScripts();
    }

    /** Waits until the page has loaded and htmx has set up its buttons (a click before that would do nothing). */
    void waitForScripts() {
        waiting().until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.readyState === 'complete' && !!window.htmx;")));
    }

    void signIn(String username, String password) {
        go("/console/login");
        driver.manage().deleteAllCookies();
        go("/console/login");
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in-button")).click();
    }

    WebElement waitFor(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Waits until the element holds the text, finding it again on every poll: htmx swaps the element out between
     * finding it and reading it, which chromium reports as a node that "does not belong to the document" (a generic
     * error, not a stale element), so that one is waited through too.
     */
    void waitForText(By locator, String text) {
        waiting().until(d -> {
            try {
                return d.findElement(locator).getText().contains(text);
            } catch (StaleElementReferenceException | NoSuchElementException swappedOut) {
                return false;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }

    void waitForPath(String path) {
        waiting().until(d -> path().equals(path));
    }

    /** A wait whose failure says where the browser was and what the page said, to tell why. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.withMessage(() -> "the browser is at " + driver.getCurrentUrl() + ", showing: "
                + driver.findElement(By.tagName("body")).getText());
        return wait;
    }

    List<String> texts(By locator) {
        return driver.findElements(locator).stream().map(WebElement::getText).toList();
    }

    /**
     * A POST from the signed-in page without the CSRF header, as a forged request would arrive (same cookies);
     * the status and body it got.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> forgedPost(String path) {
        return (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', credentials: 'same-origin'})
                  .then(r => r.text().then(t => done({status: r.status, body: t})));""", path);
    }

    /** Whether the page is wider than the window (horizontal scrolling). */
    boolean scrollsSideways() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    /** Scrolls {@code element} to the top of the window, then saves the screenshot {@code name}. */
    void screenshotAt(String name, By element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", driver.findElement(element));
        screenshot(name);
    }

    /** Saves what the browser shows as docs/console/{name}.png, for the guide. */
    void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
