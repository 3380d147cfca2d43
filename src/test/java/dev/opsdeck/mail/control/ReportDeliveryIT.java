package dev.opsdeck.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.opsdeck.reports.control.ReportConfigurations;
import dev.opsdeck.reports.control.ReportRequests;
import dev.opsdeck.reports.control.ReportRunner;
import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.TestSmtpServers;
import jakarta.json.Json;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reports' runner and mail's delivery as the server wires them (the run's event observed inside the run's
 * transaction), on H2 and PostgreSQL, sent to GreenMail with login: an XLSX report arrives attached and opens, a
 * file over the size limit arrives as a link, a failed run tells the owner, and a configuration without recipients
 * sends nothing.
 */
class ReportDeliveryIT {

    private static final int SMTP_PORT = 31027;

    private GreenMail smtp;

    @AfterEach
    void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private Mail mail(DataSource db, long attachmentMaxBytes) {
        Mail mail = new Mail();
        mail.dataSource = db;
        mail.host = Optional.of("127.0.0.1");
        mail.port = SMTP_PORT;
        mail.user = Optional.of("opsdeck");
        mail.password = Optional.of("smtp-secret-0001");
        mail.startTls = "off";
        mail.sslTrust = Optional.empty();
        mail.from = Optional.of("opsdeck@example.com");
        mail.replyTo = Optional.empty();
        mail.attachmentMaxBytes = attachmentMaxBytes;
        mail.linkBaseUrl = "https://opsdeck.example.com";
        mail.timeZone = "UTC";
        mail.userDomain = Optional.of("example.com");
        mail.retryInitialSeconds = 1;
        mail.retryMaxSeconds = 5;
        mail.giveUpHours = 1;
        mail.build();
        return mail;
    }

    private static long configuration(DataSource db, String name, String format, String recipients, String delivery)
            throws Exception {
        var body = Json.createObjectBuilder().add("name", name).add("report_type", "account_balances").add("format", format)
                .add("time_zone", "Europe/Berlin").add("delivery", delivery)
                .add("recipients", recipients == null ? Json.createArrayBuilder() : Json.createArrayBuilder().add(recipients));
        return new ReportConfigurations(db, Clock.systemUTC()).create(ReportConfigurations.draft(body.build()), "ada");
    }

    private static UUID run(DataSource db, Mail mail, long configuration, String format) throws Exception {
        ReportDelivery delivery = new ReportDelivery();
        delivery.mail = mail;
        UUID id;
        try (Connection connection = db.getConnection()) {
            id = ReportRequests.queue(connection, new ReportRequests.Request(configuration,
                    dev.opsdeck.reports.entity.ReportType.ACCOUNT_BALANCES, dev.opsdeck.tables.control.ReportFormat.parse("csv"),
                    Map.of(), "test", null), Instant.now());
        }
        if (!format.equals("csv")) {
            try (Connection connection = db.getConnection();
                 PreparedStatement change = connection.prepareStatement("UPDATE report_run SET format = ? WHERE id = ?")) {
                change.setString(1, format);
                change.setObject(2, id);
                change.executeUpdate();
            }
        }
        new ReportRunner(db, Duration.ofDays(30), Clock.systemUTC(), () -> false, finished -> {
            try {
                delivery.onRunFinished(finished);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }).run(id);
        return id;
    }

    private void startServer() {
        smtp = TestSmtpServers.on(SMTP_PORT);
        smtp.setUser("opsdeck@example.com", "opsdeck", "smtp-secret-0001");
        smtp.start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void reportsArriveAttachedOrAsALinkAndAFailureTellsTheOwner(String kind) throws Exception {
        DataSource db = kind.equals("h2") ? Databases.freshH2() : Databases.freshPostgres();
        startServer();
        Mail mail = mail(db, 64 * 1024);
        run(db, mail, configuration(db, "balances", "xlsx", "finance@example.com", "attachment"), "xlsx");
        UUID linked = run(db, mail, configuration(db, "by link", "csv", "ops@example.com", "link"), "csv");
        run(db, mail, configuration(db, "nobody", "csv", null, "attachment"), "csv");
        run(db, mail, configuration(db, "broken", "csv", "finance@example.com", "attachment"), "nonsense");
        MailDispatcher.Tally tally = mail.sendDue(10);
        assertEquals(3, tally.sent(), tally.toString());

        MimeMessage toFinance = to(smtp, "finance@example.com", "balances").orElseThrow();
        Part xlsx = attachment(toFinance).orElseThrow(() -> new AssertionError("no attachment"));
        assertTrue(xlsx.getFileName().endsWith(".xlsx"), xlsx.getFileName());
        try (InputStream in = xlsx.getInputStream(); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertEquals("currency", workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            assertTrue(workbook.getSheetName(0).startsWith("Account balances"), workbook.getSheetName(0));
        }
        MimeMessage toOps = to(smtp, "ops@example.com", "by link").orElseThrow();
        assertTrue(attachment(toOps).isEmpty());
        assertTrue(GreenMailUtil.getBody(toOps).contains("https://opsdeck.example.com/api/v1/reports/" + linked + "/download"));
        MimeMessage toOwner = to(smtp, "ada@example.com", "broken").orElseThrow();
        assertTrue(toOwner.getSubject().contains("failed"), toOwner.getSubject());
        assertTrue(GreenMailUtil.getBody(toOwner).contains("nonsense"), GreenMailUtil.getBody(toOwner));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFileOverTheLimitGoesAsALinkEvenWhenAnAttachmentIsAsked(String kind) throws Exception {
        DataSource db = kind.equals("h2") ? Databases.freshH2() : Databases.freshPostgres();
        startServer();
        Mail mail = mail(db, 100);
        UUID id = run(db, mail, configuration(db, "too big", "xlsx", "finance@example.com", "attachment"), "xlsx");
        assertEquals(1, mail.sendDue(10).sent());
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertTrue(attachment(received).isEmpty());
        assertTrue(GreenMailUtil.getBody(received).contains("/api/v1/reports/" + id + "/download"));
    }

    private static Optional<MimeMessage> to(GreenMail smtp, String address, String reportName) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address))
                    && message.getSubject().contains("\"" + reportName + "\"")) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private static Optional<Part> attachment(MimeMessage message) throws Exception {
        if (message.getContent() instanceof MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                    return Optional.of(parts.getBodyPart(i));
                }
            }
        }
        return Optional.empty();
    }
}
