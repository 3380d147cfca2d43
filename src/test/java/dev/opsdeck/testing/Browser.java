package dev.opsdeck.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven through /usr/bin/chromedriver (never a downloaded browser or driver), logged into
 * the console through its real login page.
 */
public final class Browser implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-password-0001";

    private final WebDriver driver;
    private final String base;
    private final Path downloads;

    private Browser(WebDriver driver, String base, Path downloads) {
        this.driver = driver;
        this.base = base;
        this.downloads = downloads;
    }

    public static Browser open(URL deployment) {
        try {
            Path downloads = Files.createTempDirectory("opsdeck-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1366,900", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--user-data-dir=" + Files.createTempDirectory("opsdeck-chromium"));
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
            String base = deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/";
            return new Browser(new ChromeDriver(service, options), base, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser login(String username, String password) {
        get("login.xhtml");
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        waitFor(d -> !d.getCurrentUrl().contains("login.xhtml") || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
        return this;
    }

    public Browser loginAsAdmin() {
        return login(ADMIN, ADMIN_PASSWORD);
    }

    public void get(String path) {
        driver.get(base + (path.startsWith("/") ? path.substring(1) : path));
    }

    public String url(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebElement find(String css) {
        return waitFor(d -> d.findElement(By.cssSelector(css)));
    }

    /** Clicks once the element is visible and enabled, e.g. after a panel's opening animation. */
    public void click(String css) {
        waitFor(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public <T> T waitFor(ExpectedCondition<T> condition) {
        return waitFor(condition, Duration.ofSeconds(20));
    }

    public <T> T waitFor(ExpectedCondition<T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Waits until PrimeFaces has no ajax request in flight. */
    public void ajaxDone() {
        waitFor(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || (PrimeFaces.ajax.Queue.isEmpty() && !(window.jQuery && jQuery.active));")));
    }

    public Path awaitDownload(String suffix) {
        return waitFor(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public void screenshot(String name) {
        String directory = System.getProperty("it.screenshots", "target/screenshots");
        try {
            Files.createDirectories(Path.of(directory));
            Files.write(Path.of(directory, name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
