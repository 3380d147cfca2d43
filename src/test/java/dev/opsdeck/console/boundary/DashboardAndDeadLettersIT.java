package dev.opsdeck.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Browser;
import dev.opsdeck.testing.ConsoleUsers;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.Stomp;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The dashboard and the dead letters pages in headless Chromium, through the real login, over events published to the
 * real broker: figures and the red state; reading, replaying and discarding dead letters; refusals on the server.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardAndDeadLettersIT {

    private static final String PASSWORD = "it-console-password-0001";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), "");
    }

    private static void publish(String address, String... bodies) throws Exception {
        try (Stomp stomp = Stomp.connect("127.0.0.1", Integer.getInteger("it.broker.port"))) {
            for (String body : bodies) {
                stomp.sendText(address, body, Map.of());
            }
        }
    }

    private static String account(UUID account, long version, Instant at) {
        return Events.account(UUID.randomUUID(), version == 1 ? "account.created" : "account.updated", account, 100 * version,
                version == 1 ? "active" : "frozen", version, at.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String user(String role) throws SQLException {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = database()) {
            ConsoleUsers.create(connection, name, role, PASSWORD);
        }
        return name;
    }

    /** Waits for the dead letter whose reason contains the marker and answers its id. */
    private static long awaitDeadLetter(String column, String value) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = database();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT id FROM dead_letter WHERE " + column + " LIKE ? ORDER BY id DESC")) {
                query.setString(1, value);
                try (ResultSet found = query.executeQuery()) {
                    if (found.next()) {
                        return found.getLong(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no dead letter with " + column + " like " + value);
    }

    private static List<String> deadLetter(long id) throws SQLException {
        try (Connection connection = database();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT state, resolved_by, resolution FROM dead_letter WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet found = query.executeQuery()) {
                assertTrue(found.next(), "dead letter " + id);
                List<String> row = new ArrayList<>();
                row.add(found.getString(1));
                row.add(found.getString(2));
                row.add(found.getString(3));
                return row;
            }
        }
    }

    /** The audit entries naming the dead letter, as "actor action outcome details". */
    private static List<String> audit(long id) throws SQLException {
        try (Connection connection = database();
             PreparedStatement query = connection.prepareStatement("SELECT a.actor, a.action, a.outcome, a.details FROM audit_log a "
                     + "JOIN audit_log_target t ON t.entry_id = a.id WHERE t.target_type = 'dead-letter' AND t.target_id = ? ORDER BY a.id")) {
            query.setString(1, Long.toString(id));
            List<String> entries = new ArrayList<>();
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    entries.add(found.getString(1) + " " + found.getString(2) + " " + found.getString(3) + " " + found.getString(4));
                }
            }
            return entries;
        }
    }

    private static void select(Browser browser, long id) {
        browser.find("tr.dead-letter-" + id + " .ui-chkbox-box").click();
        browser.waitFor(d -> d.findElement(By.cssSelector("tr.dead-letter-" + id)).getAttribute("class").contains("ui-state-highlight"));
    }

    /** Collects the page's Content-Security-Policy violations from now on: ajax updates, polls, dialogs. */
    private static void watchCsp(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation', function (e) {"
                + " window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });");
    }

    private static void assertNoCspViolations(Browser browser) {
        assertEquals(List.of(), ((JavascriptExecutor) browser.driver()).executeScript("return window.cspViolations;"));
    }

    /** The text of the message shown, which is then dismissed so that it covers no button. */
    private static String growl(Browser browser) {
        String text = browser.waitFor(d -> {
            List<WebElement> messages = d.findElements(By.cssSelector(".ui-growl-message"));
            return messages.isEmpty() ? null : messages.get(messages.size() - 1).getText();
        });
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('.ui-growl-item-container').forEach(function (m) { m.remove(); });");
        return text;
    }

    @Test
    void dashboardShowsTheFleetsFiguresWithThisInstanceLiveAndTurnsRedWhenAStreamLags() throws Exception {
        UUID payment = UUID.randomUUID();
        publish("payments.events", Events.payment(UUID.randomUUID(), "payment.created", payment, UUID.randomUUID(), 500,
                "pending", 1, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        UUID late = UUID.randomUUID();
        publish("accounts.events", account(late, 1, Instant.now().minus(Duration.ofHours(2))));
        try (Browser browser = Browser.open(base).loginAsAdmin()) {
            browser.get("index.xhtml");
            watchCsp(browser);
            browser.waitFor(d -> Long.parseLong(d.findElement(By.cssSelector("#stream-payments .outcome-applied")).getText()) >= 1);
            WebElement payments = browser.find("#stream-payments");
            assertFalse(payments.getAttribute("class").contains("bad"), payments.getText());
            assertFalse(browser.text("#stream-payments .last-event").contains("never"));
            assertTrue(browser.text("#stream-payments .queue-depth").matches("[0-9,]+\\+?"), browser.text("#stream-payments .queue-depth"));
            assertTrue(browser.text("#scope").contains("the fleet's"), browser.text("#scope"));
            WebElement self = browser.waitFor(d -> d.findElements(By.cssSelector("#instances tr.instance")).stream()
                    .filter(row -> row.getText().contains("(serving this page)")).findFirst().orElse(null));
            assertTrue(self.findElement(By.cssSelector(".instance-state")).getText().equals("live"), self.getText());
            assertTrue(self.getText().contains("payments"), self.getText());
            assertTrue(browser.text("#health").contains("database ready"), browser.text("#health"));
            assertTrue(browser.text("#health").contains("broker ready"), browser.text("#health"));
            String yielding = browser.text("#ingestion-yield");
            assertTrue(yielding.matches(".*: (not needed yet|yielding now: .*|yielded .*)"), "pauses on by default: " + yielding);

            String alarm = browser.waitFor(d -> {
                List<WebElement> alarms = d.findElements(By.cssSelector("#stream-accounts.bad .alarm"));
                return alarms.isEmpty() ? null : alarms.get(0).getText();
            });
            assertTrue(alarm.startsWith("Lagging: the last event was applied 7"), alarm);
            assertTrue(alarm.endsWith("(threshold 60 s)"), alarm);
            browser.screenshot("dashboard");

            publish("accounts.events", account(late, 2, Instant.now()));
            browser.waitFor(d -> !d.findElement(By.id("stream-accounts")).getAttribute("class").contains("bad"));
            assertTrue(browser.all("#stream-accounts .alarm").isEmpty());
            assertNoCspViolations(browser);
        }
    }

    @Test
    void viewerReadsDeadLettersButTheServerRefusesToLetANonAdminResolveThem() throws Exception {
        String marker = "not-a-uuid-" + UUID.randomUUID();
        String published = "{\"id\":\"" + marker + "\",\"type\":\"payment.created\"}";
        publish("payments.events", published);
        long id = awaitDeadLetter("convert_from(body, 'UTF8')", "%" + marker + "%");

        String viewer = user("viewer");
        try (Browser browser = Browser.open(base).login(viewer, PASSWORD)) {
            browser.get("ingestion/dead-letters.xhtml?stream=payments");
            assertTrue(browser.text("tr.dead-letter-" + id).contains("malformed: id: not a UUID: " + marker));
            assertTrue(browser.text("#read-only").contains("only an admin can replay or discard"));
            assertTrue(browser.all("[id='dl:replay']").isEmpty(), "no replay button for a viewer");
            assertTrue(browser.all("[id='dl:discard-open']").isEmpty(), "no discard button for a viewer");
            browser.find("tr.dead-letter-" + id + " a.dead-letter-link").click();
            assertTrue(browser.text("#body").contains("\"id\": \"" + marker + "\""), browser.text("#body"));
            assertTrue(browser.text("#headers").contains("payments.events"));
            assertTrue(browser.text("#body-size").startsWith(published.length() + " bytes, SHA-256 "), browser.text("#body-size"));
            assertTrue(browser.all("[id='letter:replay']").isEmpty());
            browser.screenshot("dead-letter");
        }

        // The page shows the actions of the role held when it opened; the role is checked again on the server.
        String demoted = user("admin");
        try (Browser browser = Browser.open(base).login(demoted, PASSWORD)) {
            browser.get("ingestion/dead-letters.xhtml?stream=payments");
            select(browser, id);
            try (Connection connection = database()) {
                ConsoleUsers.changeRole(connection, demoted, "viewer");
            }
            browser.find("[id='dl:replay']").click();
            assertTrue(growl(browser).contains("Only an admin may replay dead letters"));
            browser.ajaxDone();
        }
        assertEquals("waiting", deadLetter(id).get(0));
        assertEquals(List.of(demoted + " dead-letter.replayed refused Only admin may replay or discard dead letters"), audit(id));
    }

    @Test
    void adminReplaysADeadLetterOnceItsCauseIsFixedAndSeesItResolved() throws Exception {
        UUID account = UUID.randomUUID();
        publish("accounts.events", account(account, 1, Instant.now()));
        awaitRow(account);
        String update = account(account, 2, Instant.now());
        long id;
        try (Connection locker = database()) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement("SELECT 1 FROM accounts_read WHERE account_id = ? FOR UPDATE")) {
                lock.setObject(1, account);
                lock.executeQuery();
            }
            publish("accounts.events", update);
            id = awaitDeadLetter("convert_from(body, 'UTF8')", "%\"account_id\":\"" + account + "\"%\"version\":2%");
            locker.commit();
        }
        try (Browser browser = Browser.open(base).loginAsAdmin()) {
            browser.get("ingestion/dead-letters.xhtml?stream=accounts");
            assertTrue(browser.text("tr.dead-letter-" + id).contains("transient failure"));
            select(browser, id);
            browser.find("[id='dl:replay']").click();
            String result = browser.text("#result-" + id);
            assertTrue(result.endsWith(": replayed: applied"), result);
            assertTrue(browser.all("tr.dead-letter-" + id).isEmpty(), "no longer waiting");
        }
        assertEquals(List.of("replayed", Browser.ADMIN, "replayed: applied"), deadLetter(id));
        assertEquals("frozen", accountStatus(account));
        List<String> audit = audit(id);
        assertEquals(1, audit.size(), audit.toString());
        assertTrue(audit.get(0).startsWith("admin dead-letter.replayed succeeded " + id + ": replayed: applied"), audit.toString());
    }

    @Test
    void discardNeedsAReasonAndIsAudited() throws Exception {
        String marker = UUID.randomUUID().toString();
        publish("accounts.events", "not json " + marker);
        long id = awaitDeadLetter("convert_from(body, 'UTF8')", "%" + marker + "%");
        try (Browser browser = Browser.open(base).loginAsAdmin()) {
            browser.get("ingestion/dead-letters.xhtml");
            watchCsp(browser);
            select(browser, id);
            browser.screenshot("dead-letters");
            browser.find("[id='dl:discard-open']").click();
            browser.find("[id='dl:reason']").sendKeys("no");
            browser.find("[id='dl:discard']").click();
            assertTrue(growl(browser).contains("3 to 500 characters"));
            browser.ajaxDone();
            assertEquals("waiting", deadLetter(id).get(0));

            browser.find("[id='dl:discard-open']").click();
            WebElement reason = browser.find("[id='dl:reason']");
            reason.clear();
            reason.sendKeys("test message published by hand, never a real event");
            browser.find("[id='dl:discard']").click();
            String result = browser.text("#result-" + id);
            assertTrue(result.endsWith(": discarded"), result);
            assertNoCspViolations(browser);
        }
        assertEquals(List.of("discarded", Browser.ADMIN, "discarded: test message published by hand, never a real event"),
                deadLetter(id));
        assertEquals(List.of("admin dead-letter.discarded succeeded reason: test message published by hand, never a real event; "
                + id + ": discarded"), audit(id));
    }

    private static void awaitRow(UUID account) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (accountStatus(account) != null) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("account " + account + " never arrived");
    }

    private static String accountStatus(UUID account) throws SQLException {
        try (Connection connection = database();
             PreparedStatement query = connection.prepareStatement("SELECT status FROM accounts_read WHERE account_id = ?")) {
            query.setObject(1, account);
            try (ResultSet found = query.executeQuery()) {
                return found.next() ? found.getString(1) : null;
            }
        }
    }
}
