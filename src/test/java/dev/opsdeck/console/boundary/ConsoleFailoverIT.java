package dev.opsdeck.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Browser;
import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.RunningJar;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Two Opsdeck processes on one database, one browser (cookies do not tell ports apart, as behind a load balancer):
 * the instance that served the user is killed, and the user goes on on the other one.
 */
class ConsoleFailoverIT {

    private static final int FIRST_PORT = Integer.getInteger("it.fleet.first.port", 27101) + 5;
    private static final int SECOND_PORT = FIRST_PORT + 1;
    private static final int FIRST_BROKER_PORT = Integer.getInteger("it.fleet.broker.port", 65101) + 5;

    private String dbUrl;

    @BeforeEach
    void createDatabase() throws Exception {
        dbUrl = Databases.createPostgresDatabase("failover");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Databases.dropPostgresDatabase(dbUrl);
    }

    private static String savedViews(WebDriver driver) {
        return driver.findElements(By.cssSelector("#list\\:views")).stream().map(e -> e.getAttribute("textContent"))
                .reduce("", String::concat);
    }

    @Test
    void killingTheServingInstanceCostsOneLoginKeepsSavedViewsAndAStaleViewStateEndsOnTheExpiredPage() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work.dir"))), "failover-");
        String first = "http://127.0.0.1:" + FIRST_PORT + "/";
        String second = "http://127.0.0.1:" + SECOND_PORT + "/";
        try (RunningJar a = RunningJar.start(RunningJar.instanceOn(dbUrl, work, "a", FIRST_BROKER_PORT), FIRST_PORT)) {
            a.awaitReady(Duration.ofSeconds(600));
            try (RunningJar b = RunningJar.start(RunningJar.instanceOn(dbUrl, work, "b", FIRST_BROKER_PORT + 1), SECOND_PORT);
                 Browser browser = Browser.open(URI.create(first).toURL()).loginAsAdmin()) {
                b.awaitReady(Duration.ofSeconds(600));
                WebDriver driver = browser.driver();
                browser.get("accounts/index.xhtml?status=frozen&sort=balance&dir=asc");
                browser.find("#list\\:view-name").sendKeys("Failover view");
                browser.find("#list\\:save-view").click();
                browser.waitFor(d -> savedViews(d).contains("Failover view"));
                String viewStateOfTheKilledInstance = (String) ((JavascriptExecutor) driver).executeScript(
                        "return document.querySelector(\"#list input[name='jakarta.faces.ViewState']\").value;");

                a.kill();

                driver.get(second + "accounts/index.xhtml?sort=synced");
                browser.waitFor(d -> d.getCurrentUrl().contains("login.xhtml"));
                assertTrue(driver.getCurrentUrl().contains("next="), driver.getCurrentUrl());
                driver.findElement(By.id("login:username")).sendKeys(Browser.ADMIN);
                driver.findElement(By.id("login:password")).sendKeys(Browser.ADMIN_PASSWORD);
                driver.findElement(By.id("login:submit")).click();
                browser.waitFor(d -> d.getCurrentUrl().startsWith(second + "accounts/index.xhtml"));
                assertTrue(driver.getCurrentUrl().contains("sort=synced"), "back on the page asked for: " + driver.getCurrentUrl());
                assertTrue(savedViews(driver).contains("Failover view"), "the saved view survived: " + savedViews(driver));

                // an Ajax postback to the surviving instance, signed in there, carrying the view state the killed one rendered
                ((JavascriptExecutor) driver).executeScript("var state = arguments[0];"
                        + " document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                        + ".forEach(function (input) { input.value = state; });"
                        + " PrimeFaces.ab({s: 'list', f: 'list', p: '@none', u: '@none'});", viewStateOfTheKilledInstance);
                browser.waitFor(d -> d.getCurrentUrl().startsWith(second + "expired.xhtml"));
                assertTrue(browser.text("#error-expired").contains("another Opsdeck instance"), browser.text("#error-expired"));
                browser.click("#again");
                browser.waitFor(d -> d.getCurrentUrl().startsWith(second + "accounts/index.xhtml"));
                assertEquals(List.of(), browser.all("#login\\:username"), "still signed in: one login in all");
                assertTrue(b.output().lines().noneMatch(line -> line.contains("\"SEVERE\"")),
                        "no server error on the surviving instance");
            }
        }
    }
}
