package dev.missive.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.remote.Augmenter;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person at the portal in Debian's headless Chromium: a browser session of its own (own
 * profile, so own cookies and storage), signed in through the real Keycloak login page. The
 * chromedriver process is started once for the suite and shared; each Browser is one Chromium.
 * Everything comes from /usr/bin, so Selenium Manager never looks for a driver to download.
 * {@link Browsers} hands them to tests and closes them.
 */
final class Browser implements AutoCloseable {

    static final String PORTAL = System.getProperty("missive.it.portal.url", "http://localhost:9080/portal") + "/";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final RemoteWebDriver driver;
    private final Path profile;
    private final Path downloads;
    private final WebDriverWait wait;

    private Browser(ChromeDriverService service) {
        try {
            profile = Files.createTempDirectory("missive-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        downloads = profile.resolve("downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                // Chromium refuses some ports outright (10080, offset 2000's HTTP port, among them)
                "--explicitly-allowed-ports=" + URI.create(PORTAL).getPort(),
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        // Through the shared driver's URL: a ChromeDriver built on the service would stop it on quit.
        driver = new RemoteWebDriver(service.getUrl(), options);
        wait = new WebDriverWait(driver, PATIENCE);
    }

    /** A new browser that has not opened anything yet. */
    static Browser signedOut(ChromeDriverService service) {
        return new Browser(service);
    }

    /** A new browser signed in as the demo account (its password is its name). */
    static Browser signedInAs(ChromeDriverService service, String account) {
        Browser browser = new Browser(service);
        try {
            browser.driver.get(PORTAL);
            browser.visible(By.id("username")).sendKeys(account);
            browser.driver.findElement(By.id("password")).sendKeys(account);
            browser.driver.findElement(By.id("kc-login")).click();
            browser.visible(By.id("signed-in-as"));
            return browser;
        } catch (RuntimeException e) {
            // what the browser showed instead of the sign-in page, for the person reading the failure
            browser.screenshot("sign-in-failed-" + account);
            browser.close();
            throw e;
        }
    }

    WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void gone(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    void textAppears(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    WebElement click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        element.click();
        return element;
    }

    void type(By locator, String text) {
        WebElement element = visible(locator);
        element.clear();
        element.sendKeys(text);
    }

    /**
     * Picks an option by its visible text once the list has it (lists are filled, and refilled,
     * from the API: an option may be replaced while we look at it).
     */
    void choose(By locator, String label) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            Select select = new Select(d.findElement(locator));
            if (select.getOptions().stream().noneMatch(o -> o.getText().equals(label))) {
                return false;
            }
            select.selectByVisibleText(label);
            return true;
        });
    }

    /** Chooses a file in a file input, as a person picking it in the file dialog would. */
    void attach(By fileInput, Path file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(fileInput))
                .sendKeys(file.toAbsolutePath().toString());
    }

    /** The bytes of a file the page saved to the browser's downloads, once it is complete. */
    byte[] downloaded(String name) {
        Path file = downloads.resolve(name);
        wait.until(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a view of the portal by its address (ids only: #/threads/123). */
    void open(String view) {
        driver.get(PORTAL + view);
    }

    /**
     * Makes every request of this browser to an address starting with one of the prefixes fail as
     * if the server were unreachable (none: all reachable again).
     */
    void unreachable(String... prefixes) {
        HasCdp devTools = (HasCdp) new Augmenter().augment(driver);
        devTools.executeCdpCommand("Network.enable", Map.of());
        devTools.executeCdpCommand(
                "Network.setBlockedURLs",
                Map.of("urls", Arrays.stream(prefixes).map(p -> p + "*").toList()));
    }

    void acceptConfirmation() {
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    String text(By locator) {
        return visible(locator).getText();
    }

    /** Narrows the window to a phone's (390 px) and tells whether the page still fits without sideways scrolling. */
    boolean fitsPhoneWidth() {
        driver.manage().window().setSize(new Dimension(390, 844));
        Number overflow = (Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        return overflow.intValue() <= 0;
    }

    /**
     * Sets an input's value as the page's script would read it, for inputs whose typing depends
     * on the browser's locale (datetime-local).
     */
    void setValue(By locator, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", visible(locator), value);
    }

    /** What a script run in the page answers (to look at the page's state, never to drive it). */
    Object evaluate(String script) {
        return driver.executeScript(script);
    }

    /** Scrolls the page so that the element is in the middle of the window (for a screenshot of it). */
    void scrollTo(By locator) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", visible(locator));
    }

    /** Saves what the page looks like now as target/screenshots/{name}.png, for a person to look at. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
