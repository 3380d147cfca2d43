package dev.opsdeck.reports.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.RunningJar;
import dev.opsdeck.testing.Tokens;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two Opsdeck processes on one PostgreSQL database: each due time of a schedule runs once, and a time missed while both were down runs once on start. */
class ClusterSchedulingIT {

    private String dbUrl;

    @BeforeEach
    void createDatabase() throws Exception {
        dbUrl = Databases.createPostgresDatabase("cluster");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Databases.dropPostgresDatabase(dbUrl);
    }

    @Test
    void twoInstancesRunEachDueTimeOnceAndCatchUpAMissedTimeOnce() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work.dir"))), "cluster-");
        long configuration;
        try (RunningJar first = RunningJar.start(RunningJar.instanceOn(dbUrl, work, "a", 61733), 18184);
             RunningJar second = RunningJar.start(RunningJar.instanceOn(dbUrl, work, "b", 61734), 18185)) {
            first.awaitReady(Duration.ofSeconds(180));
            second.awaitReady(Duration.ofSeconds(180));
            Api.Response created = new Api(URI.create("http://127.0.0.1:18184/").toURL()).post("api/v1/report-configurations",
                    Tokens.jwt("ada", List.of("admin")), "{\"name\":\"cluster\",\"report_type\":\"account_balances\","
                            + "\"format\":\"csv\",\"cron\":\"* * * * *\",\"time_zone\":\"UTC\"}");
            assertEquals(201, created.status(), created.body());
            configuration = created.json().getJsonNumber("id").longValue();
            Instant firstDue = Instant.parse(created.json().getString("next_run_at"));
            Instant waitUntil = firstDue.plus(Duration.ofSeconds(80));
            while (Instant.now().isBefore(waitUntil)) {
                Thread.sleep(1_000);
            }
            Map<Instant, Integer> runs = runsPerDueTime(configuration);
            assertTrue(runs.size() >= 2, "two due times passed: " + runs);
            runs.forEach((due, count) -> assertEquals(1, count, "runs for " + due + " in " + runs));
        }
        Instant lastRun = runsPerDueTime(configuration).keySet().stream().max(Instant::compareTo).orElseThrow();
        while (Instant.now().isBefore(lastRun.plus(Duration.ofSeconds(65)))) {
            Thread.sleep(1_000);
        }
        Instant missed = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
        try (Connection connection = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement back = connection.prepareStatement("UPDATE report_configuration SET next_run_at = ? WHERE id = ?")) {
            back.setObject(1, missed.atOffset(java.time.ZoneOffset.UTC));
            back.setLong(2, configuration);
            back.executeUpdate();
        }
        int before = runsPerDueTime(configuration).size();
        try (RunningJar restarted = RunningJar.start(RunningJar.instanceOn(dbUrl, work, "a", 61733), 18184)) {
            restarted.awaitReady(Duration.ofSeconds(180));
            Thread.sleep(20_000);
            Map<Instant, Integer> runs = runsPerDueTime(configuration);
            long caughtUp = runs.keySet().stream().filter(due -> due.isAfter(lastRun)).count();
            assertTrue(runs.size() >= before + 1, "a time missed while both were down ran: " + runs);
            assertTrue(runs.keySet().stream().noneMatch(due -> due.equals(missed.plus(Duration.ofMinutes(1)))),
                    "catch-up runs the latest missed time once, not every missed minute: " + runs);
            assertTrue(caughtUp >= 1, runs.toString());
            runs.forEach((due, count) -> assertEquals(1, count, "runs for " + due));
        }
    }

    private Map<Instant, Integer> runsPerDueTime(long configuration) throws Exception {
        Map<Instant, Integer> runs = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT scheduled_for, COUNT(*) FROM report_run WHERE configuration_id = ? GROUP BY scheduled_for")) {
            query.setLong(1, configuration);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.put(rows.getObject(1, java.time.OffsetDateTime.class).toInstant(), rows.getInt(2));
                }
            }
        }
        return runs;
    }
}
