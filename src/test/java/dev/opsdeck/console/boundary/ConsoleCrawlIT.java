package dev.opsdeck.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Browser;
import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.RunningJar;
import dev.opsdeck.testing.Stomp;
import dev.opsdeck.testing.Tokens;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The newcomer's product, crawled: the runnable jar in demo mode on the embedded database and on PostgreSQL, every
 * console page, every record page reached from its list, every dialog, every export and report format and every GET
 * endpoint of the API, failing on any 5xx, error page or exception text.
 */
class ConsoleCrawlIT {

    private static final String TOKEN = "crawl-service-token-0123456789";
    private static final Pattern EXCEPTION_TEXT = Pattern.compile(
            "\\b(java|jakarta|org|com|dev)\\.[a-z0-9_.]+\\.[A-Z]\\w*(Exception|Error)\\b|Internal Server Error|HTTP Status 500");
    private static final String AJAX_WATCH = """
            window.crawlErrors = window.crawlErrors || [];
            if (window.jQuery && !window.crawlWatching) {
              window.crawlWatching = true;
              jQuery(document).on('ajaxComplete', function (e, xhr) {
                var text = xhr.responseText || '';
                if (xhr.status >= 500 || text.indexOf('<error>') >= 0) { window.crawlErrors.push(xhr.status + ' ' + text.substring(0, 400)); }
              });
            }""";

    private final List<String> failures = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"embedded", "postgresql"})
    void everyPageDialogExportReportAndEndpointAnswersWithoutError(String database) throws Exception {
        boolean embedded = database.equals("embedded");
        int port = embedded ? 18185 : 18186;
        int brokerPort = embedded ? 61741 : 61742;
        Map<String, String> environment = new HashMap<>(Map.of(
                "OPSDECK_DATA_DIR", Files.createTempDirectory("opsdeck-crawl-").toString(),
                "OPSDECK_DEMO", "true",
                "SIMULATOR_PORT", String.valueOf(embedded ? 18191 : 18192),
                "BROKER_PORT", String.valueOf(brokerPort),
                "SERVICE_API_TOKENS", TOKEN,
                "OPSDECK_ADMIN_PASSWORD", Browser.ADMIN_PASSWORD,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                "MP_JWT_VERIFY_ISSUER", System.getenv("MP_JWT_VERIFY_ISSUER")));
        // PostgreSQL as production runs it: migrations as the database's owner, the application as a role of its own.
        Databases.SplitRoles roles = embedded ? null : Databases.createPostgresDatabaseWithRoles("crawl");
        if (!embedded) {
            environment.put("DB_URL", roles.url());
            environment.put("DB_USER", roles.applicationRole());
            environment.put("DB_MIGRATION_USER", roles.migrationRole());
        }
        try (RunningJar jar = RunningJar.start(environment, port)) {
            jar.awaitReady(Duration.ofMinutes(6));
            URL base = URI.create("http://127.0.0.1:" + port + "/").toURL();
            Records records = publishRecords(brokerPort, base);
            crawlApi(base, records, embedded);
            crawlConsole(base, records);
            assertTrue(failures.isEmpty(), failures.size() + " failures on " + database + ":\n" + String.join("\n", failures)
                    + "\n\nserver log, errors:\n" + jar.output().lines().filter(l -> l.contains("SEVERE"))
                    .map(l -> l.length() > 3000 ? l.substring(0, 3000) : l).reduce("", (a, b) -> a + "\n" + b));
            assertFalse(jar.output().contains("last list views"), "the lists' last views could not be written on " + database);
            if (!embedded) {
                assertAuditLogOnlyGrows(roles);
            }
        } finally {
            if (roles != null) {
                Databases.dropPostgresDatabase(roles);
            }
        }
    }

    /** What the crawl wrote to the audit log, the application's role cannot change. */
    private static void assertAuditLogOnlyGrows(Databases.SplitRoles roles) throws Exception {
        try (Connection application = DriverManager.getConnection(roles.url(), roles.applicationRole(), "");
             Statement statement = application.createStatement()) {
            ResultSet entries = statement.executeQuery("SELECT COUNT(*) FROM audit_log");
            entries.next();
            assertTrue(entries.getInt(1) > 0, "the crawl's actions were audited");
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute("UPDATE audit_log SET actor = 'x'"));
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
    }

    /** A settled payment for the API's refund and another for the console's, so that neither finds one under way. */
    private record Records(UUID account, UUID payment, UUID consolePayment, String deadLetter) {
    }

    /** One account, one settled payment and one poison message, so that every list and detail has something. */
    private Records publishRecords(int brokerPort, URL base) throws Exception {
        UUID account = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        UUID consolePayment = UUID.randomUUID();
        Instant now = Instant.now();
        try (Stomp stomp = Stomp.connect("127.0.0.1", brokerPort)) {
            stomp.sendText("accounts.events", Events.account(UUID.randomUUID(), "account.created", account, 123405L,
                    "active", 1L, now), Map.of());
            stomp.sendText("payments.events", Events.payment(UUID.randomUUID(), "payment.created", payment, account, 2500,
                    "settled", 1, now), Map.of());
            stomp.sendText("payments.events", Events.payment(UUID.randomUUID(), "payment.created", consolePayment, account,
                    4200, "settled", 1, now), Map.of());
            stomp.sendText("payments.events", "{\"id\": \"not an event\"", Map.of());
        }
        Api api = new Api(base);
        String deadLetter = await("the records and the dead letter to arrive", () -> {
            boolean arrived = api.get("api/v1/accounts/" + account, TOKEN).status() == 200
                    && api.get("api/v1/payments/" + payment, TOKEN).status() == 200
                    && api.get("api/v1/payments/" + consolePayment, TOKEN).status() == 200;
            var letters = api.get("api/v1/dead-letters", admin()).json().getJsonArray("items");
            return arrived && !letters.isEmpty() ? String.valueOf(letters.getJsonObject(0).get("id")) : null;
        });
        return new Records(account, payment, consolePayment, deadLetter);
    }

    private static String admin() {
        return Tokens.jwt("crawler", List.of("admin"));
    }

    private void crawlApi(URL base, Records records, boolean embedded) throws Exception {
        Api api = new Api(base);
        Api.Response refund = api.post("api/v1/payments/" + records.payment() + "/refund-requests", admin(),
                "{\"reason\": \"crawl: every endpoint answers\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        expect(202, "POST refund-requests", refund);
        String command = refund.json().getString("id");
        Api.Response configuration = api.post("api/v1/report-configurations", admin(), """
                {"name": "Crawl balances", "report_type": "account_balances", "format": "csv", "cron": "0 6 * * *",
                 "time_zone": "UTC", "enabled": true}""");
        expect(201, "POST report-configurations", configuration);
        long configurationId = configuration.json().getJsonNumber("id").longValue();

        List<String> reports = new ArrayList<>();
        for (String type : List.of("account_balances", "payments_summary", "refunds", "dead_letters")) {
            for (String format : List.of("csv", "xlsx", "pdf")) {
                String parameters = type.equals("payments_summary") ? ", \"parameters\": {\"from\": \"2026-01-01\", \"to\": \"2026-12-31\"}" : "";
                Api.Response requested = api.post("api/v1/reports", admin(),
                        "{\"report_type\": \"" + type + "\", \"format\": \"" + format + "\"" + parameters + "}");
                expect(202, "POST reports " + type + " " + format, requested);
                if (requested.status() == 202) {
                    reports.add(requested.json().getString("id"));
                }
            }
        }
        for (String report : reports) {
            String status = await("report " + report + " to finish", () -> {
                String s = api.get("api/v1/reports/" + report, admin()).json().getString("status");
                return s.equals("queued") || s.equals("running") ? null : s;
            });
            if (!status.equals("succeeded")) {
                failures.add("report " + report + " ended " + status + ": " + api.get("api/v1/reports/" + report, admin()).body());
            }
            expect(200, "GET report download " + report, api.get("api/v1/reports/" + report + "/download", admin()));
        }

        for (String path : List.of("api/v1/info", "api/v1/accounts", "api/v1/accounts/" + records.account(),
                "api/v1/payments", "api/v1/payments/" + records.payment(), "api/v1/audit-log", "api/v1/commands",
                "api/v1/commands/" + command, "api/v1/dead-letters", "api/v1/dead-letters/" + records.deadLetter(),
                "api/v1/ingestion/status", "api/v1/report-configurations", "api/v1/report-configurations/" + configurationId,
                "api/v1/report-configurations/schedule-preview?cron=0%206%20*%20*%20*&time_zone=UTC", "api/v1/reports",
                "api/v1/reports?limit=1")) {
            expect(200, "GET " + path, api.get(path, admin()));
        }
        Api.Response info = api.get("api/v1/info", TOKEN);
        assertEquals(embedded ? "H2" : "PostgreSQL", info.json().getString("database_product"), info.body());
        for (String path : List.of("health", "health/ready", "health/live", "health/started", "metrics", "openapi", "api-docs/")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
            expect(200, "GET /" + path, new Api.Response(response.statusCode(), "", response.body()));
        }
    }

    private void crawlConsole(URL base, Records records) throws Exception {
        try (Browser browser = Browser.open(base).loginAsAdmin()) {
            for (String page : List.of("index.xhtml", "accounts/index.xhtml", "payments/index.xhtml", "commands/index.xhtml",
                    "ingestion/dead-letters.xhtml", "reports/index.xhtml", "audit/index.xhtml", "security/users.xhtml",
                    "notifications/index.xhtml")) {
                visit(browser, page);
            }
            visitFromList(browser, "accounts/index.xhtml", "a[href*='accounts/account.xhtml']");
            visitFromList(browser, "payments/index.xhtml", "a[href*='payments/payment.xhtml']");
            visit(browser, "accounts/account.xhtml?id=" + records.account());
            dialog(browser, "button[id$='actions:freeze']", "#action-dialog");
            visit(browser, "payments/payment.xhtml?id=" + records.consolePayment());
            dialog(browser, "button[id$='actions:refund']", "#action-dialog");
            browser.find("#action-form\\:reason").sendKeys("crawl: the dialog sends a refund");
            watchAjax(browser);
            browser.click("#action-form\\:confirm");
            browser.waitFor(d -> !browser.all("#action-form\\:outcomes").isEmpty(), Duration.ofSeconds(90));
            browser.ajaxDone();
            checkAjax(browser, "refund dialog confirm");
            String outcome = browser.text("#action-form\\:outcomes");
            // the simulator owns only payments of its own world: ours is answered, with a 404, and that is an answer
            if (!outcome.contains(records.consolePayment().toString()) || !(outcome.contains("accepted") || outcome.contains("rejected by the payments service"))) {
                failures.add("refund dialog: " + outcome);
            }
            visit(browser, "payments/payment.xhtml?id=" + records.consolePayment());
            if (!browser.all("a[id$='account-link']").isEmpty()) {
                browser.find("a[id$='account-link']").click();
                checkPage(browser, "account linked from its payment");
            }
            visit(browser, "commands/index.xhtml");
            visitFromList(browser, "ingestion/dead-letters.xhtml", "a.dead-letter-link");
            visit(browser, "ingestion/dead-letters.xhtml");
            dialog(browser, "button[id$='discard-open']", "[id$='discard-dialog']");
            visit(browser, "reports/index.xhtml");
            dialog(browser, "button[id$=':new']", "[id$='form-panel'] .configuration-form");
            visit(browser, "reports/index.xhtml");
            dialog(browser, "button.edit", "[id$='form-panel'] .configuration-form");
            visit(browser, "security/users.xhtml");

            for (String export : List.of("accounts/export?format=csv", "accounts/export?format=xlsx",
                    "payments/export?format=csv", "payments/export?format=xlsx", "audit/export?")) {
                download(browser, base, export);
            }
            visit(browser, "accounts/index.xhtml");
            for (WebElement link : browser.all("a.export")) {
                download(browser, base, URI.create(link.getAttribute("href")).getRawPath().substring(1) + "?"
                        + URI.create(link.getAttribute("href")).getRawQuery());
            }
        }
    }

    private void visit(Browser browser, String page) {
        browser.get(page);
        checkPage(browser, page);
    }

    private void visitFromList(Browser browser, String list, String rowLink) {
        visit(browser, list);
        List<WebElement> links = browser.all(rowLink);
        if (links.isEmpty()) {
            failures.add(list + ": no record link " + rowLink + " to follow");
            return;
        }
        String target = links.get(0).getAttribute("href");
        browser.driver().get(target);
        checkPage(browser, "record page " + target);
    }

    private void dialog(Browser browser, String opener, String dialog) {
        String page = browser.driver().getCurrentUrl();
        if (browser.all(opener).isEmpty()) {
            failures.add(page + ": no " + opener + " to open " + dialog);
            return;
        }
        watchAjax(browser);
        browser.click(opener);
        try {
            browser.waitFor(d -> d.findElements(By.cssSelector(dialog)).stream().anyMatch(WebElement::isDisplayed));
        } catch (RuntimeException e) {
            failures.add(page + ": " + opener + " did not open " + dialog);
        }
        browser.ajaxDone();
        checkAjax(browser, page + " " + opener);
        checkText(browser, page + " " + opener);
    }

    private void checkPage(Browser browser, String what) {
        Object status = ((JavascriptExecutor) browser.driver()).executeScript(
                "var n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;");
        if (status instanceof Number number && number.intValue() >= 400) {
            failures.add(what + ": HTTP " + number + " at " + browser.driver().getCurrentUrl());
        }
        if (browser.driver().getCurrentUrl().contains("login.xhtml")) {
            failures.add(what + ": sent to the login page");
        }
        checkText(browser, what);
    }

    private void checkText(Browser browser, String what) {
        Object shown = ((JavascriptExecutor) browser.driver()).executeScript("return document.body ? document.body.innerText : '';");
        var match = EXCEPTION_TEXT.matcher(String.valueOf(shown));
        if (match.find()) {
            failures.add(what + ": error text '" + match.group() + "' at " + browser.driver().getCurrentUrl());
        }
        if (!browser.all("#error-500, .error-page").isEmpty()) {
            failures.add(what + ": Opsdeck's error page at " + browser.driver().getCurrentUrl());
        }
    }

    private void watchAjax(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript(AJAX_WATCH);
    }

    private void checkAjax(Browser browser, String what) {
        Object errors = ((JavascriptExecutor) browser.driver()).executeScript("return window.crawlErrors || [];");
        if (errors instanceof List<?> list && !list.isEmpty()) {
            failures.add(what + ": ajax errors " + list);
        }
    }

    private void download(Browser browser, URL base, String path) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + path)).header("Cookie", "JSESSIONID=" + session.getValue())
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length == 0) {
            failures.add("export " + path + ": HTTP " + response.statusCode() + ", " + response.body().length + " bytes");
        }
    }

    private void expect(int status, String what, Api.Response response) {
        if (response.status() != status) {
            failures.add(what + ": HTTP " + response.status() + " (expected " + status + "): "
                    + response.body().substring(0, Math.min(400, response.body().length())));
        }
    }

    private interface Probe<T> {
        T value() throws Exception;
    }

    private static <T> T await(String what, Probe<T> probe) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            T value = probe.value();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}
