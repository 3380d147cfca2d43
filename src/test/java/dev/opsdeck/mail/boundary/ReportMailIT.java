package dev.opsdeck.mail.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Browser;
import dev.opsdeck.testing.RefusingSmtpServer;
import dev.opsdeck.testing.RunningJar;
import dev.opsdeck.testing.TestSmtpServers;
import dev.opsdeck.testing.Tokens;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Opsdeck as a running jar on the embedded H2 default (the same delivery on PostgreSQL: ReportDeliveryIT), with
 * GreenMail (login required) as its SMTP server: a scheduled XLSX report reaches its recipients as an attachment that opens, a link-mode one as a link to
 * its download, and the Mail API lists both as sent with their Message-IDs; in the browser, the report form's mail
 * fields and the Mail page with a refused message resent by an admin. Beside it, the notification rules through
 * their API and page as deployed: added, refused naming the field, listed with the fleet's last check, disabled and
 * audited (the check's mail itself: NotificationCheckIT).
 */
class ReportMailIT {

    private static final int SMTP_PORT = 31026;

    /** A fresh token per call: the tokens expire, and a boot under load can outlast one. */
    private static String admin() {
        return Tokens.jwt("ada@example.com", List.of("admin"));
    }

    private GreenMail smtp;

    @AfterEach
    void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startServer() {
        smtp = TestSmtpServers.on(SMTP_PORT);
        smtp.setUser("opsdeck@example.com", "opsdeck", "smtp-secret-0001");
        smtp.start();
    }

    /** One boot for the whole mail story, since a boot is the suite's costliest step. */
    @Test
    void aScheduledReportArrivesAsAnAttachmentOrALinkAndAnAdminResendsAFailedMessage() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work.dir"))), "mail-");
        startServer();
        try (RunningJar h2 = RunningJar.start(environment(null, work, "h2", 31180), 31180)) {
            h2.awaitReady(Duration.ofSeconds(480));
            configure(31180, "h2");
            assertTrue(smtp.waitForIncomingEmail(150_000, 2), "two report mails within a scheduled minute and a run");
            MimeMessage received = check(smtp, 31180, "h2");
            long rule = notificationRules(31180);
            URL base = URI.create("http://127.0.0.1:31180/").toURL();
            inTheConsole(base, received);
            onTheMailPage(base);
            notificationsPage(base, rule);
        }
    }

    /** One instance's environment: the embedded H2 default without a database URL, PostgreSQL with one; GreenMail with login. */
    private static Map<String, String> environment(String dbUrl, Path work, String name, int httpPort) throws Exception {
        Map<String, String> env = RunningJar.instanceOn(dbUrl == null ? "unused" : dbUrl, work, name, httpPort + 440);
        if (dbUrl == null) {
            env.remove("DB_URL");
            env.remove("DB_USER");
        }
        env.put("MAIL_HOST", "127.0.0.1");
        env.put("MAIL_PORT", String.valueOf(SMTP_PORT));
        env.put("MAIL_USER", "opsdeck");
        env.put("MAIL_PASSWORD", "smtp-secret-0001");
        env.put("MAIL_STARTTLS", "off");
        env.put("MAIL_FROM", "opsdeck@example.com");
        env.put("MAIL_LINK_BASE_URL", "http://127.0.0.1:" + httpPort + "/");
        return env;
    }

    private static void configure(int httpPort, String name) throws Exception {
        Api api = new Api(URI.create("http://127.0.0.1:" + httpPort + "/").toURL());
        Api.Response attached = api.post("api/v1/report-configurations", admin(), "{\"name\":\"balances\","
                + "\"report_type\":\"account_balances\",\"format\":\"xlsx\",\"cron\":\"* * * * *\",\"time_zone\":\"Europe/Berlin\","
                + "\"recipients\":[\"finance-" + name + "@example.com\"],\"delivery\":\"attachment\"}");
        assertEquals(201, attached.status(), attached.body());
        assertEquals("finance-" + name + "@example.com", attached.json().getJsonArray("recipients").getString(0));
        Api.Response linked = api.post("api/v1/report-configurations", admin(), "{\"name\":\"balances by link\","
                + "\"report_type\":\"account_balances\",\"format\":\"csv\",\"cron\":\"* * * * *\","
                + "\"recipients\":[\"ops-" + name + "@example.com\"],\"delivery\":\"link\"}");
        assertEquals(201, linked.status(), linked.body());
        Api.Response wrong = api.post("api/v1/report-configurations", admin(), "{\"name\":\"wrong\","
                + "\"report_type\":\"account_balances\",\"format\":\"csv\",\"recipients\":[\"not an address\"]}");
        assertEquals(422, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("recipients"), wrong.body());
    }

    private static MimeMessage check(GreenMail smtp, int httpPort, String name) throws Exception {
        MimeMessage toFinance = received(smtp, "finance-" + name + "@example.com").orElseThrow();
        Part xlsx = attachment(toFinance).orElseThrow(() -> new AssertionError("no attachment"));
        try (InputStream in = xlsx.getInputStream(); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertEquals("currency", workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            assertTrue(workbook.getSheetName(0).startsWith("Account balances"), workbook.getSheetName(0));
        }
        assertTrue(toFinance.getSubject().startsWith("Report \"balances\""), toFinance.getSubject());
        MimeMessage toOps = received(smtp, "ops-" + name + "@example.com").orElseThrow();
        assertTrue(attachment(toOps).isEmpty());
        String body = GreenMailUtil.getBody(toOps);
        assertTrue(body.contains("http://127.0.0.1:" + httpPort + "/api/v1/reports/"), body);

        Api api = new Api(URI.create("http://127.0.0.1:" + httpPort + "/").toURL());
        JsonObject outbox = api.get("api/v1/mail?state=sent", admin()).json();
        assertTrue(outbox.getBoolean("configured"));
        List<String> ids = outbox.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("message_id")).toList();
        assertTrue(ids.contains(toFinance.getMessageID()), ids + " / " + toFinance.getMessageID());
        assertEquals(403, api.get("api/v1/mail", Tokens.jwt("otto", List.of("operator"))).status());
        return toFinance;
    }

    private static long notificationRules(int httpPort) throws Exception {
        Api api = new Api(URI.create("http://127.0.0.1:" + httpPort + "/").toURL());
        Api.Response added = api.post("api/v1/notifications/rules", admin(), "{\"kind\":\"dead_letters\",\"threshold\":10,"
                + "\"stream\":\"accounts\",\"recipients\":[\"ops@example.com\"]}");
        assertEquals(201, added.status(), added.body());
        assertEquals("Dead letters waiting above 10 (accounts)", added.json().getString("title"));
        Api.Response wrong = api.post("api/v1/notifications/rules", admin(), "{\"kind\":\"dead_letters\",\"threshold\":10,"
                + "\"recipients\":[\"not an address\"]}");
        assertEquals(422, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("recipients"), wrong.body());
        assertEquals(403, api.get("api/v1/notifications", Tokens.jwt("otto", List.of("operator"))).status());
        JsonObject overview = api.get("api/v1/notifications", admin()).json();
        assertTrue(overview.getBoolean("mail_configured"), overview.toString());
        assertEquals("PT1H", overview.getString("quiet_period"));
        assertTrue(overview.containsKey("last_check_at") && !overview.isNull("last_check_at"),
                "the scheduler instance has checked by now: " + overview);
        assertEquals(1, overview.getJsonArray("rules").size(), overview.toString());
        return added.json().getJsonNumber("id").longValue();
    }

    /** The Notifications page lists the rule and disables it; the change is in the audit log. */
    private static void notificationsPage(URL base, long rule) throws Exception {
        try (Browser admin = Browser.open(base).loginAsAdmin()) {
            admin.get("notifications/index.xhtml");
            assertTrue(admin.text("[id='rule:rules']").contains("Dead letters waiting above 10 (accounts)"), admin.text("[id='rule:rules']"));
            admin.click("[id='rule:rules'] button.toggle");
            admin.ajaxDone();
            assertTrue(admin.text("[id='rule:rules']").contains("disabled"), admin.text("[id='rule:rules']"));
        }
        Api api = new Api(base);
        JsonObject audit = api.get("api/v1/audit-log?action=notification.", admin()).json();
        assertTrue(audit.toString().contains("notification.rule-disabled") && audit.toString().contains("notification.rule-created"),
                audit.toString());
        assertEquals(false, api.get("api/v1/notifications/rules/" + rule, admin()).json().getBoolean("enabled"));
    }

    /** The report form's mail fields (a test message queued, a wrong address shown at its field), and a received message as a reader sees it. */
    private static void inTheConsole(URL base, MimeMessage message) throws Exception {
        try (Browser admin = Browser.open(base).loginAsAdmin()) {
            admin.get("reports/index.xhtml");
            admin.click("[id='configurations:new']");
            admin.find("[id='configurations:name']").sendKeys("monthly payments");
            admin.find("[id='configurations:recipients']").sendKeys("finance@example.com, controlling@example.com");
            admin.click("[id='configurations:test-message']");
            admin.ajaxDone();
            assertTrue(admin.text("[id='configurations:recipients-note']").contains("Test message queued"),
                    admin.text("[id='configurations:recipients-note']"));
            admin.screenshot("report-recipients");
            WebElement recipients = admin.find("[id='configurations:recipients']");
            recipients.clear();
            recipients.sendKeys("finance@example.com, not-an-address");
            admin.click("[id='configurations:save']");
            admin.ajaxDone();
            assertTrue(admin.text("[id='configurations:form-panel']").contains("not an e-mail address: not-an-address"),
                    admin.text("[id='configurations:form-panel']"));
            String html = html(message).orElseThrow(() -> new AssertionError("no HTML part"));
            admin.driver().get("data:text/html;base64," + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
            assertTrue(admin.text("body").contains("balances"), admin.text("body"));
            admin.screenshot("mail-report");
        }
    }

    /**
     * A message the server refuses for good (5xx) is failed on the Mail page with the server's words; the admin resends
     * it, it goes out with the same Message-ID once the server accepts mail again, and the resend is audited.
     */
    private void onTheMailPage(URL base) throws Exception {
        Api api = new Api(base);
        String recipient = "resend-h2@example.com";
        smtp.stop();
        JsonObject failed;
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(SMTP_PORT)) {
            Api.Response queued = api.post("api/v1/mail/test", admin(), "{\"recipients\":[\"" + recipient + "\"]}");
            assertEquals(202, queued.status(), queued.body());
            String id = queued.json().getString("id");
            failed = awaitMessage(api, id, "failed", Duration.ofSeconds(120));
        }
        assertTrue(failed.getString("last_answer").contains(RefusingSmtpServer.REFUSAL), failed.toString());
        startServer();
        String id = failed.getString("id");
        String row = "//tbody[@id='mail:outbox_data']/tr[td[contains(., '" + recipient + "')]]";
        try (Browser admin = Browser.open(base).loginAsAdmin()) {
            admin.click("[id='menu-mail']");
            WebElement failedRow = admin.waitFor(d -> d.findElement(By.xpath(row)));
            assertTrue(failedRow.getText().contains("failed"), failedRow.getText());
            assertTrue(failedRow.getText().contains(RefusingSmtpServer.REFUSAL), failedRow.getText());
            assertTrue(failedRow.getText().contains(failed.getString("message_id")), failedRow.getText());
            String outbox = admin.text("[id='mail:outbox']");
            assertTrue(outbox.contains("balances") && outbox.contains("sent") && outbox.contains("250"), outbox);
            admin.screenshot("mail-outbox");

            admin.waitFor(ExpectedConditions.elementToBeClickable(By.xpath(row + "//button[contains(@class, 'resend')]"))).click();
            admin.ajaxDone();
            admin.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-growl"), "Queued again"));
            admin.waitFor(d -> {
                String state = d.findElement(By.xpath(row + "/td[contains(@class, 'state')]")).getText();
                return state.equals("queued") || state.equals("sent") ? state : null;
            });

            JsonObject sent = awaitMessage(api, id, "sent", Duration.ofSeconds(60));
            assertEquals(failed.getString("message_id"), sent.getString("message_id"));
            MimeMessage again = received(smtp, recipient).orElseThrow(() -> new AssertionError("not delivered after resend"));
            assertEquals(failed.getString("message_id"), again.getMessageID(), "resent with the same Message-ID");

            admin.get("mail/index.xhtml");
            WebElement sentRow = admin.waitFor(d -> d.findElement(By.xpath(row)));
            assertEquals("sent", sentRow.findElement(By.xpath("td[contains(@class, 'state')]")).getText(), sentRow.getText());
            assertTrue(sentRow.findElements(By.cssSelector("button.resend")).isEmpty(), "only a failed message offers Resend");
        }
        JsonObject audit = api.get("api/v1/audit-log?action=mail.resent&target_id=" + id, admin()).json();
        List<JsonObject> entries = audit.getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, entries.size(), audit.toString());
        assertEquals(Browser.ADMIN, entries.get(0).getString("actor"), entries.get(0).toString());
        assertEquals("succeeded", entries.get(0).getString("outcome"), entries.get(0).toString());
    }

    /** Polls the Mail API until the message is in the state, since the outbox is worked by a 5-second tick. */
    private static JsonObject awaitMessage(Api api, String id, String state, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<JsonObject> found = api.get("api/v1/mail?state=" + state, admin()).json().getJsonArray("messages")
                    .getValuesAs(JsonObject.class).stream().filter(m -> m.getString("id").equals(id)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("message " + id + " not " + state + " within " + timeout + ": "
                        + api.get("api/v1/mail", admin()).body());
            }
            Thread.sleep(1000);
        }
    }

    private static Optional<String> html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return Optional.of((String) part.getContent());
        }
        if (part.getContent() instanceof MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                Optional<String> found = html(parts.getBodyPart(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<MimeMessage> received(GreenMail smtp, String to) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private static Optional<Part> attachment(MimeMessage message) throws Exception {
        if (message.getContent() instanceof MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    return Optional.of(part);
                }
            }
        }
        return Optional.empty();
    }
}
