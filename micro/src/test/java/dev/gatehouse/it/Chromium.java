package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}), for the flows a
 * person walks: unlike HtmlUnit it fetches the favicon, lays pages out and runs their scripts
 * under the Content-Security-Policy. It finds fields by their labels and buttons by their words.
 * Its background networking is off, so it talks to nothing but the server under test.
 */
final class Chromium implements AutoCloseable {

    private static final String BINARY = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final URI base;

    Chromium(URI base) throws IOException {
        this.base = base;
        Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-default-apps",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base.toString().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    Chromium open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** The path and query the browser shows now, such as {@code /login?next=%2Fprofile}. */
    String address() {
        URI now = URI.create(driver.getCurrentUrl());
        return now.getRawPath() + (now.getRawQuery() == null ? "" : "?" + now.getRawQuery());
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    Chromium fill(String label, String value) {
        WebElement field = driver.findElement(By.id(driver.findElement(
                By.xpath("//label[normalize-space(.)='" + label + "']")).getAttribute("for")));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    Chromium press(String words) {
        WebElement button = driver.findElement(By.xpath("//input[@type='submit' and @value='" + words + "'] | //button[normalize-space(.)='"
                + words + "']"));
        if ("button".equals(button.getAttribute("type"))) {
            button.click();
            return this;
        }
        return clickAndAwaitNextPage(button);
    }

    Chromium follow(String words) {
        return clickAndAwaitNextPage(driver.findElement(By.linkText(words)));
    }

    /**
     * A click does not wait for the page it leads to: reading the address right after it can still
     * see the old page. So the old page's window gets a mark, and the wait lasts until a window
     * without it (a new document) has loaded. While the browser is between documents a script may
     * fail; that only means "not yet".
     */
    private Chromium clickAndAwaitNextPage(WebElement target) {
        driver.executeScript("window.gatehouseOldPage = true");
        target.click();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!isNewPageLoaded()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no new page after the click, still at " + address() + ":\n" + text());
            }
            pause();
        }
        return this;
    }

    private boolean isNewPageLoaded() {
        try {
            return Boolean.TRUE.equals(driver.executeScript(
                    "return window.gatehouseOldPage === undefined && document.readyState === 'complete'"));
        } catch (WebDriverException betweenDocuments) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a page", interrupted);
        }
    }

    Chromium choose(String group, String value) {
        driver.findElement(By.xpath("//input[@type='radio' and @name='" + group + "' and @value='" + value + "']")).click();
        return this;
    }

    /** The whole page as a PNG, for a person to look at (target/screenshots). */
    Path screenshot(String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 100, 8000)));
        Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        return file;
    }

    int count(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).size();
    }

    Chromium tick(String id, boolean ticked) {
        WebElement box = driver.findElement(By.id(id));
        if (box.isSelected() != ticked) {
            box.click();
        }
        return this;
    }

    Chromium select(String id, String visibleText) {
        driver.findElement(By.xpath("//select[@id='" + id + "']/option[normalize-space(.)='" + visibleText + "']")).click();
        return this;
    }

    Chromium signUp(String name) {
        return fill("Username", name).fill("Email", name + "@example.org").fill("Password", Browser.PASSWORD)
                .fill("Repeat password", Browser.PASSWORD).press("Create account");
    }

    Chromium logIn(String name) {
        return fill("Username or email", name).fill("Password", Browser.PASSWORD).press("Log in");
    }

    /** Waits until the element's text is {@code expected}, for what a script writes after a click. */
    void awaitText(String id, String expected) throws InterruptedException {
        for (int tries = 0; tries < 100 && !expected.equals(text(id)); tries++) {
            Thread.sleep(100);
        }
        assertEquals(expected, text(id));
    }

    String clipboard() {
        Object text = driver.executeAsyncScript("navigator.clipboard.readText().then(arguments[0], e => arguments[0]('failed: ' + e))");
        return String.valueOf(text);
    }

    /** The console's errors since the last call: a failed request (a 404 favicon), a refused script. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).collect(Collectors.toList());
    }

    /** A style the browser computed for the first element the selector finds: proof the stylesheet applied. */
    String style(String cssSelector, String property) {
        return driver.findElement(By.cssSelector(cssSelector)).getCssValue(property);
    }

    /** Where a person is now and that nothing went wrong in the console on the way. */
    void assertAt(String expectedAddress, String expectedText) {
        assertEquals(expectedAddress, address(), text());
        assertTrue(text().contains(expectedText), "'" + expectedText + "' on " + address() + ":\n" + text());
        assertEquals(List.of(), consoleErrors(), "console of " + address());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
