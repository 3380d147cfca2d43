package dev.opsdeck.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Browser;
import dev.opsdeck.testing.Deployments;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The admin pages through a real browser: users created on the Users page log in, are refused the admin pages,
 * locked out and disabled; the audit log shows and exports what happened; a report is configured, run and downloaded.
 */
@ExtendWith(ArquillianExtension.class)
class AdministrationIT {

    private static final String PASSWORD = "viewer-password-0001";
    private static final AtomicInteger USERS = new AtomicInteger();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    @Test
    void adminCreatesAViewerWhoSeesTheirRoleAndIsRefusedTheUsersPage() throws Exception {
        String viewer = uniqueName("vera");
        try (Browser admin = Browser.open(base).loginAsAdmin()) {
            createUser(admin, viewer, PASSWORD);
            WebElement row = row(admin, viewer);
            assertEquals("viewer", row.findElement(By.cssSelector(".role-label")).getText());
            assertEquals("enabled", row.findElement(By.cssSelector(".user-state")).getText());
            assertTrue(admin.text("[id='users:create-messages']").contains("Created " + viewer + " (viewer)"));

            admin.find("[id='users:new-name']").sendKeys(uniqueName("short"));
            admin.find("[id='users:new-password']").sendKeys("too-short");
            admin.find("[id='users:create']").click();
            admin.ajaxDone();
            assertTrue(admin.text("[id='users:create-messages'] .ui-messages-error").contains("at least 12 characters"));
            admin.find("[id='users:new-name']").clear();

            admin.find("[id='users:generate'] .ui-chkbox-box").click();
            admin.find("[id='users:new-name']").sendKeys(uniqueName("gen"));
            admin.find("[id='users:create']").click();
            admin.ajaxDone();
            assertTrue(admin.text("#shown-password").matches("[A-Za-z0-9]{20}"), "a generated password is shown once");
            admin.screenshot("users");
            assertNoCspViolations(admin);

            admin.find("[id='session:logout']").click();
            admin.waitFor(d -> d.getCurrentUrl().contains("login.xhtml"));
        }
        try (Browser browser = Browser.open(base).login(viewer, PASSWORD)) {
            assertEquals(viewer, browser.text("#signed-in-user"));
            assertEquals("viewer", browser.text("#signed-in-role"));
            assertTrue(browser.all("[id='menu-users']").isEmpty(), "a viewer's menu has no Users link");

            browser.get("reports/index.xhtml");
            browser.find("[id='runs:runs']");
            assertTrue(browser.all("[id='configurations:new'], [id='configurations:table'] .run, [id='configurations:table'] .edit")
                    .isEmpty(), "a viewer may not configure or run reports");
            browser.get("audit/index.xhtml");
            assertTrue(browser.text(".ui-messages-error").contains("Only admin may read or export the audit log"),
                    "only admins read the audit log, as in the API");
            assertTrue(browser.all(".audit-actor").isEmpty(), "a viewer sees no audit entry");

            browser.get("security/users.xhtml");
            assertTrue(browser.text("#error-403").contains("Your role does not allow this page"));
            assertTrue(browser.all("[id='users:table']").isEmpty());

            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            HttpResponse<String> direct = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                    HttpRequest.newBuilder(URI.create(browser.url("security/users.xhtml")))
                            .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, direct.statusCode());
            assertFalse(direct.body().contains("users:table"));
        }
    }

    @Test
    void fiveWrongPasswordsLockTheUser() {
        String user = uniqueName("lou");
        try (Browser admin = Browser.open(base).loginAsAdmin()) {
            createUser(admin, user, PASSWORD);
        }
        try (Browser browser = Browser.open(base)) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                browser.login(user, "wrong-password-" + attempt);
                assertTrue(browser.text(".ui-messages-error").contains("Wrong user name or password"));
            }
            browser.login(user, PASSWORD);
            assertTrue(browser.driver().getCurrentUrl().contains("login.xhtml"));
            assertTrue(browser.text(".ui-messages-error").contains("Wrong user name or password"),
                    "a locked user reads the same refusal as a wrong password: " + browser.text(".ui-messages-error"));
        }
        try (Browser admin = Browser.open(base).loginAsAdmin()) {
            admin.get("security/users.xhtml");
            WebElement row = row(admin, user);
            assertEquals("5", row.findElement(By.cssSelector(".user-failed")).getText());
            assertTrue(row.findElement(By.cssSelector(".user-locked")).getText().endsWith("UTC"));

            row.findElement(By.cssSelector(".edit")).click();
            admin.ajaxDone();
            assertEquals(user, admin.text("#selected-user"));
            admin.find("[id='users:reset-password']").sendKeys("a-new-password-0002");
            admin.find("[id='users:reset']").click();
            admin.ajaxDone();
            assertTrue(admin.text("[id='users:change-messages']").contains("The password of " + user + " is reset"));
            assertEquals("0", row(admin, user).findElement(By.cssSelector(".user-failed")).getText());
        }
        try (Browser browser = Browser.open(base).login(user, "a-new-password-0002")) {
            assertEquals(user, browser.text("#signed-in-user"), "a reset password unlocks the user");
        }
    }

    @Test
    void aDisabledUsersNextRequestLandsOnTheLoginPage() {
        String user = uniqueName("dora");
        try (Browser admin = Browser.open(base).loginAsAdmin(); Browser browser = Browser.open(base)) {
            createUser(admin, user, PASSWORD);
            browser.login(user, PASSWORD);
            assertEquals(user, browser.text("#signed-in-user"));

            row(admin, user).findElement(By.cssSelector(".edit")).click();
            admin.ajaxDone();
            admin.find("[id='users:selected-role']");
            ((org.openqa.selenium.JavascriptExecutor) admin.driver()).executeScript("PF('selectedRole').selectValue('operator');");
            admin.find("[id='users:change-role']").click();
            admin.ajaxDone();
            admin.waitFor(d -> row(admin, user).findElement(By.cssSelector(".role-label")).getText().equals("operator"));
            browser.get("index.xhtml");
            assertEquals("operator", browser.text("#signed-in-role"), "a role change applies to the next request");

            row(admin, user).findElement(By.cssSelector(".disable")).click();
            admin.ajaxDone();
            admin.waitFor(d -> row(admin, user).findElement(By.cssSelector(".user-state")).getText().equals("disabled"));
            assertTrue(admin.text("[id='users:change-messages']").contains(user + " is disabled"));

            browser.get("audit/index.xhtml");
            assertTrue(browser.driver().getCurrentUrl().contains("login.xhtml"), browser.driver().getCurrentUrl());
            browser.login(user, PASSWORD);
            assertTrue(browser.text(".ui-messages-error").contains("disabled"));
        }
    }

    @Test
    void auditLogShowsLoginsAndUserCreationFilteredByActorAndExportsThem() throws Exception {
        String user = uniqueName("otto");
        try (Browser admin = Browser.open(base).loginAsAdmin()) {
            createUser(admin, user, PASSWORD);
            try (Browser browser = Browser.open(base)) {
                browser.login(user, "not-the-password");
                browser.login(user, PASSWORD);
                assertEquals(user, browser.text("#signed-in-user"));
            }

            admin.get("audit/index.xhtml");
            admin.find("[id='audit:actor']").sendKeys(user);
            admin.find("[id='audit:apply']").click();
            admin.waitFor(d -> d.getCurrentUrl().contains("actor=" + user));
            List<String> actions = column(admin, ".audit-action");
            assertEquals(List.of("login.succeeded", "login.failed"), actions);
            assertEquals(List.of(user, user), column(admin, ".audit-actor"));
            assertEquals("2 entries", admin.text("[id='audit:count']"));

            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            admin.get("audit/index.xhtml?actor=" + user + "&from=" + today + "&to=" + today);
            assertEquals(2, column(admin, ".audit-action").size());
            admin.get("audit/index.xhtml?actor=" + user + "&from=2999-01-01");
            assertEquals("0 entries", admin.text("[id='audit:count']"));

            admin.get("audit/index.xhtml?actor=admin&action=user.created&target=" + user);
            assertEquals(List.of("user.created"), column(admin, ".audit-action"));
            assertEquals(List.of(user), column(admin, ".audit-target"));
            admin.screenshot("audit-log");
            assertNoCspViolations(admin);

            admin.get("audit/index.xhtml?actor=" + user);
            admin.find("[id='audit:export-csv']").click();
            Path csv = admin.awaitDownload(".csv");
            List<String> lines = awaitComplete(csv, 3);
            assertEquals("id,occurred_at,actor,client_address,action,target_type,target_ids,outcome,details", lines.get(0));
            assertEquals(3, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(1).contains("," + user + ",") && lines.get(1).contains(",login.succeeded,"), lines.get(1));
            assertTrue(lines.get(2).contains(",login.failed,") && lines.get(2).contains("wrong password"), lines.get(2));

            admin.get("audit/index.xhtml?actor=admin&action=export");
            assertTrue(admin.text(".audit-details").contains("audit log as csv with {actor=" + user + "}: 2 rows"),
                    admin.text(".audit-details"));
        }
    }

    @Test
    void aReportConfigurationIsCreatedRunOnDemandAndDownloaded() throws Exception {
        String name = "Payments of January 2020 " + uniqueName("run");
        try (Browser admin = Browser.open(base).loginAsAdmin()) {
            admin.get("reports/index.xhtml");
            admin.find("[id='configurations:new']").click();
            admin.ajaxDone();
            admin.find("[id='configurations:name']").sendKeys(name);
            admin.find("[id='configurations:from']").sendKeys("2020-01-01");
            admin.find("[id='configurations:to']").sendKeys("2020-01-31");
            admin.find("[id='configurations:cron']").sendKeys("0 25 * * *");
            admin.find("[id='configurations:save']").click();
            admin.ajaxDone();
            String cronProblem = admin.text("[id='configurations:form-panel'] .ui-message-error");
            assertTrue(cronProblem.contains("cron: hour '25'"), cronProblem);

            admin.find("[id='configurations:cron']").clear();
            admin.find("[id='configurations:cron']").sendKeys("0 6 * * 1");
            admin.find("[id='configurations:time-zone']").clear();
            admin.find("[id='configurations:time-zone']").sendKeys("Europe/Berlin");
            admin.find("[id='configurations:save']").click();
            admin.ajaxDone();
            WebElement row = row(admin, name);
            assertEquals("enabled", row.findElement(By.cssSelector(".configuration-state")).getText());
            assertTrue(row.getText().contains("from 2020-01-01, to 2020-01-31"), row.getText());
            assertTrue(row.getText().contains("0 6 * * 1 (Europe/Berlin)"), row.getText());

            // the save's notice sits in the growl over the table's right edge, where the run button is, for 8 s
            ((org.openqa.selenium.JavascriptExecutor) admin.driver()).executeScript(
                    "document.querySelectorAll('.ui-growl-item-container').forEach(function (item) { item.remove(); });");
            row(admin, name).findElement(By.cssSelector(".run")).click();
            admin.ajaxDone();
            assertTrue(admin.text("[id='configurations:table-messages']").contains("Requested a run of " + name));
            WebElement run = admin.waitFor(d -> {
                WebElement first = d.findElement(By.cssSelector("[id='runs:runs_data'] tr"));
                return first.getText().contains(name) && first.getText().contains("succeeded") ? first : null;
            });
            assertEquals("0", run.findElement(By.cssSelector(".run-rows")).getText());
            admin.screenshot("reports");
            assertNoCspViolations(admin);

            run.findElement(By.cssSelector("a.download")).click();
            Path file = admin.awaitDownload(".csv");
            List<String> lines = awaitComplete(file, 1);
            assertTrue(lines.get(0).contains("currency"), lines.get(0));

            row(admin, name).findElement(By.cssSelector(".disable")).click();
            admin.ajaxDone();
            admin.waitFor(d -> row(admin, name).findElement(By.cssSelector(".configuration-state")).getText().equals("disabled"));

            admin.get("audit/index.xhtml?actor=admin&target=" + configurationId(admin, name));
            // a target id is a number here, so another test's dead letter with the same id may share the filter
            assertEquals(List.of("schedule.disabled", "schedule.created"), column(admin, ".audit-action").stream()
                    .filter(action -> action.startsWith("schedule.")).toList());
        }
    }

    @Test
    void aScheduledXlsxReportRunsOnTimeAndDownloadsInTheConsoleAndThroughTheApi() throws Exception {
        String name = "Every minute " + uniqueName("xlsx");
        try (Browser admin = Browser.open(base).loginAsAdmin()) {
            admin.get("reports/index.xhtml");
            admin.find("[id='configurations:new']").click();
            admin.ajaxDone();
            admin.find("[id='configurations:name']").sendKeys(name);
            // the menu's hidden select is what the form submits
            admin.find("[id='configurations:format_input']");
            ((org.openqa.selenium.JavascriptExecutor) admin.driver()).executeScript(
                    "document.getElementById('configurations:format_input').value = 'xlsx';");
            admin.find("[id='configurations:from']").sendKeys("2020-01-01");
            admin.find("[id='configurations:to']").sendKeys("2020-01-31");
            admin.find("[id='configurations:cron']").sendKeys("* * * * *");
            admin.find("[id='configurations:time-zone']").clear();
            admin.find("[id='configurations:time-zone']").sendKeys("UTC");
            admin.find("[id='configurations:save']").click();
            admin.ajaxDone();
            assertTrue(row(admin, name).getText().contains("* * * * * (UTC)"), row(admin, name).getText());

            WebElement run = null;
            for (long deadline = System.currentTimeMillis() + 150_000; run == null && System.currentTimeMillis() < deadline; ) {
                Thread.sleep(3_000);
                admin.get("reports/index.xhtml");
                run = admin.all("[id='runs:runs_data'] tr").stream()
                        .filter(tr -> tr.getText().contains(name) && tr.getText().contains("succeeded")).findFirst().orElse(null);
            }
            assertTrue(run != null, "the schedule ran within its minute");
            // The console's link, fetched with the browser's session: the headless browser's own download of XLSX is unreliable.
            String link = run.findElement(By.cssSelector("a.download")).getAttribute("href");
            Cookie session = admin.driver().manage().getCookieNamed("JSESSIONID");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> inConsole = http.send(HttpRequest.newBuilder(URI.create(link))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, inConsole.statusCode());
            assertTrue(inConsole.headers().firstValue("Content-Disposition").orElse("").endsWith(".xlsx\""),
                    inConsole.headers().toString());
            assertEquals("currency", headerCell(inConsole.body(), "currency"));

            String configuration = configurationId(admin, name);
            String token = dev.opsdeck.testing.Tokens.NEW_SERVICE_TOKEN;
            HttpResponse<String> runs = http.send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/reports?type=payments_summary&limit=100"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, runs.statusCode(), runs.body());
            jakarta.json.JsonObject scheduled = jakarta.json.Json.createReader(new java.io.StringReader(runs.body())).readObject()
                    .getJsonArray("items").stream().map(jakarta.json.JsonValue::asJsonObject)
                    .filter(r -> r.containsKey("configuration_id") && r.get("configuration_id").toString().equals(configuration)
                            && r.getString("status").equals("succeeded") && r.containsKey("scheduled_for"))
                    .findFirst().orElseThrow(() -> new AssertionError("no scheduled run of " + configuration + " in " + runs.body()));
            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(scheduled.getString("download_url")))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, file.statusCode());
            assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    file.headers().firstValue("Content-Type").orElse(""));
            assertEquals("currency", headerCell(file.body(), "currency"));

            admin.get("reports/index.xhtml");
            row(admin, name).findElement(By.cssSelector(".disable")).click();
            admin.ajaxDone();
        }
    }

    /** The header cell of the workbook's first sheet that reads this text, or what the header holds instead. */
    private static String headerCell(byte[] xlsx, String wanted) throws Exception {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            List<String> header = new java.util.ArrayList<>();
            workbook.getSheetAt(0).getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            return header.contains(wanted) ? wanted : header.toString();
        }
    }

    private String configurationId(Browser admin, String name) {
        admin.get("audit/index.xhtml?actor=admin&action=schedule.created");
        return admin.all("[id='audit:rows_data'] tr").stream().filter(tr -> tr.getText().contains(name + ":"))
                .map(tr -> tr.findElement(By.cssSelector(".audit-target")).getText()).findFirst().orElseThrow();
    }

    private static void createUser(Browser admin, String name, String password) {
        admin.get("security/users.xhtml");
        admin.find("[id='users:new-name']").sendKeys(name);
        admin.find("[id='users:new-password']").sendKeys(password);
        admin.find("[id='users:create']").click();
        admin.ajaxDone();
        row(admin, name);
    }

    /** The table row whose name cell (users or report configurations) reads exactly this name. */
    private static WebElement row(Browser browser, String name) {
        By xpath = By.xpath("//tr[.//span[(contains(@class, 'user-name') or contains(@class, 'configuration-name')) and text()='"
                + name + "']]");
        return browser.waitFor(d -> d.findElement(xpath));
    }

    private static List<String> column(Browser browser, String css) {
        browser.find("[id='audit:rows_data']");
        return browser.all("[id='audit:rows_data'] " + css).stream().map(WebElement::getText).collect(Collectors.toList());
    }

    private static List<String> awaitComplete(Path file, int lines) throws Exception {
        for (int i = 0; i < 50; i++) {
            List<String> read = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (read.size() >= lines) {
                return read;
            }
            Thread.sleep(100);
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static void assertNoCspViolations(Browser browser) {
        List<String> violations = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(message -> message.contains("Content Security Policy")).toList();
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + System.currentTimeMillis() % 100_000 + "-" + USERS.incrementAndGet();
    }
}
