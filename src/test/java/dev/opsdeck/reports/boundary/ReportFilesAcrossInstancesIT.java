package dev.opsdeck.reports.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.RunningJar;
import dev.opsdeck.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two Opsdeck processes with separate data directories on one PostgreSQL database: a report's file is the fleet's, not one instance's. */
class ReportFilesAcrossInstancesIT {

    private static final int FIRST_PORT = Integer.getInteger("it.fleet.first.port", 27101);
    private static final int SECOND_PORT = FIRST_PORT + 1;
    private static final int FIRST_BROKER_PORT = Integer.getInteger("it.fleet.broker.port", 65101);

    private String dbUrl;

    @BeforeEach
    void createDatabase() throws Exception {
        dbUrl = Databases.createPostgresDatabase("report_files");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Databases.dropPostgresDatabase(dbUrl);
    }

    @Test
    void aReportRequestedOnOneInstanceDownloadsFromTheOtherAndExpiresOnEither() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work.dir"))), "report-files-");
        String token = Tokens.NEW_SERVICE_TOKEN;
        Api second;
        try (RunningJar a = RunningJar.start(RunningJar.instanceOn(dbUrl, work, "a", FIRST_BROKER_PORT), FIRST_PORT);
             RunningJar b = RunningJar.start(RunningJar.instanceOn(dbUrl, work, "b", FIRST_BROKER_PORT + 1), SECOND_PORT)) {
            a.awaitReady(Duration.ofSeconds(600));
            b.awaitReady(Duration.ofSeconds(600));
            Api first = new Api(URI.create("http://127.0.0.1:" + FIRST_PORT + "/").toURL());
            second = new Api(URI.create("http://127.0.0.1:" + SECOND_PORT + "/").toURL());
            Api.Response requested = first.post("api/v1/reports", token,
                    "{\"report_type\":\"account_balances\",\"format\":\"csv\"}");
            assertEquals(202, requested.status(), requested.body());
            String id = requested.json().getString("id");
            JsonObject run = awaitSucceeded(second, token, id);

            Api.Response fromSecond = second.get("api/v1/reports/" + id + "/download", token);
            assertEquals(200, fromSecond.status(), fromSecond.body());
            assertTrue(fromSecond.contentType().startsWith("text/csv"), fromSecond.contentType());
            byte[] file = fromSecond.body().getBytes(StandardCharsets.UTF_8);
            assertEquals(run.getJsonNumber("size_bytes").longValue(), file.length);
            assertEquals(run.getString("checksum"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
            assertEquals(fromSecond.body(), first.get("api/v1/reports/" + id + "/download", token).body());
            assertTrue(Files.notExists(work.resolve("a").resolve("reports")) && Files.notExists(work.resolve("b").resolve("reports")),
                    "no instance keeps report files of its own");

            a.close();
            expireNow(UUID.fromString(id));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (chunks(UUID.fromString(id)) > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(1_000);
            }
            assertEquals(0, chunks(UUID.fromString(id)), "the remaining instance's housekeeping deleted the file");
            Api.Response gone = second.get("api/v1/reports/" + id + "/download", token);
            assertEquals(410, gone.status(), gone.body());
            assertEquals("gone", gone.json().getString("error"), gone.body());
        }
    }

    private static JsonObject awaitSucceeded(Api api, String token, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonObject run = api.get("api/v1/reports/" + id, token).json();
            if ("succeeded".equals(run.getString("status")) || Instant.now().isAfter(deadline)) {
                assertEquals("succeeded", run.getString("status"), run.toString());
                return run;
            }
            Thread.sleep(500);
        }
    }

    private void expireNow(UUID id) throws Exception {
        try (Connection connection = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement expire = connection.prepareStatement(
                     "UPDATE report_run SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1 minute' WHERE id = ?")) {
            expire.setObject(1, id);
            assertEquals(1, expire.executeUpdate());
        }
    }

    private int chunks(UUID id) throws Exception {
        try (Connection connection = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM report_file_chunk WHERE run_id = ?")) {
            count.setObject(1, id);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
