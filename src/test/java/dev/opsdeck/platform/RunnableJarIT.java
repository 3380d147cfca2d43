package dev.opsdeck.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.ExposedMetrics;
import dev.opsdeck.testing.RunningJar;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runnable the Dockerfile ships, started as a newcomer would: no configuration but a data directory; its /metrics
 * on the embedded database covers what deploy/observability queries, the database pool included.
 */
class RunnableJarIT {

    private static final String TOKEN = "jar-it-service-token-01";

    @Test
    void startsOnEmbeddedDefaultsAndKeepsItsDataAcrossARestart() throws Exception {
        Path workDir = Files.createDirectories(Path.of(System.getProperty("it.work.dir")));
        Path dataDir = Files.createTempDirectory(workDir, "embedded-");
        Map<String, String> env = Map.of("OPSDECK_DATA_DIR", dataDir.toString(), "SERVICE_API_TOKENS", TOKEN,
                "BROKER_PORT", "61731");
        for (int start = 1; start <= 2; start++) {
            try (RunningJar jar = RunningJar.start(env, 18181)) {
                jar.awaitReady(Duration.ofSeconds(120));
                Api api = new Api(URI.create("http://127.0.0.1:18181/").toURL());
                Api.Response info = api.get("api/v1/info", TOKEN);
                assertEquals(200, info.status(), info.body());
                assertEquals("H2", info.json().getString("database_product"));
                if (start == 1) {
                    ExposedMetrics.coverWhatTheDashboardAndAlertsQuery(api);
                    // the embedded broker's threads are ingestion's, the request threads are not (ingestion.nice)
                    jar.awaitThreadsAtNice("Thread-\\d+ \\(", 19, Duration.ofSeconds(15));
                    jar.awaitThreadsAtNice("http-thread", 0, Duration.ofSeconds(1));
                }
            }
        }
        assertTrue(Files.isDirectory(dataDir.resolve("broker").resolve("journal")), "broker journal under the data directory");
        Path database = dataDir.resolve("db");
        assertTrue(Files.exists(database.resolve("opsdeck.mv.db")), "no database file under " + database);
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + database.resolve("opsdeck") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "opsdeck", "opsdeck");
             ResultSet starts = connection.createStatement().executeQuery("SELECT COUNT(*) FROM instance_start")) {
            starts.next();
            assertEquals(2, starts.getInt(1), "both starts are recorded in the one embedded database");
        }
    }

    @Test
    void prodProfileWithoutDatabaseUrlRefusesToStartNamingTheKey() throws Exception {
        try (RunningJar jar = RunningJar.start(Map.of("MP_CONFIG_PROFILE", "prod", "BROKER_PORT", "61732",
                "OPSDECK_DATA_DIR", Files.createTempDirectory("opsdeck-prod-").toString()), 18182)) {
            int exit = jar.awaitExit(Duration.ofSeconds(120));
            assertEquals(78, exit, "exit status EX_CONFIG");
            String refusal = jar.output().lines().filter(line -> line.contains("Opsdeck cannot start")).findFirst()
                    .orElseThrow(() -> new AssertionError("no refusal line in the output"));
            assertTrue(refusal.contains("db.url") && refusal.contains("DB_URL"), refusal);
        }
    }
}
