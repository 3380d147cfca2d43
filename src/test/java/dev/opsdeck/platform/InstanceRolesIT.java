package dev.opsdeck.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.RunningJar;
import dev.opsdeck.testing.Stomp;
import dev.opsdeck.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fleet of two kinds on one PostgreSQL database and one broker: a console/API replica (OPSDECK_ROLES=console,api,
 * running the embedded broker) and an ingestion worker (ingestion,scheduler) consuming from that broker. Every event
 * is applied by the worker and none by the replica; the worker answers 404 on console and API paths and keeps its
 * health endpoints and /metrics; both say their roles.
 */
class InstanceRolesIT {

    private static final int EVENTS = 300;
    // below the kernel's ephemeral ports (32768-60999), where a client socket may already hold the port
    private static final int WEB_PORT = Integer.getInteger("it.roles.web.port", 28101);
    private static final int WORKER_PORT = Integer.getInteger("it.roles.worker.port", 28102);
    private static final int BROKER_PORT = Integer.getInteger("it.roles.broker.port", 28701);

    private final HttpClient http = HttpClient.newHttpClient();
    private String dbUrl;

    @BeforeEach
    void createDatabase() throws Exception {
        dbUrl = Databases.createPostgresDatabase("roles");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Databases.dropPostgresDatabase(dbUrl);
    }

    @Test
    void theWorkerConsumesEverythingTheReplicaNothingAndTheWorkerServesNoConsoleOrApi() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work.dir"))), "roles-");
        Map<String, String> webEnv = RunningJar.instanceOn(dbUrl, work, "web", BROKER_PORT);
        webEnv.put("OPSDECK_ROLES", "console,api");
        webEnv.put("INSTANCE_NAME", "web");
        Map<String, String> workerEnv = RunningJar.instanceOn(dbUrl, work, "worker", BROKER_PORT + 1);
        workerEnv.put("OPSDECK_ROLES", "ingestion,scheduler");
        workerEnv.put("INSTANCE_NAME", "worker");
        workerEnv.put("BROKER_URL", "tcp://127.0.0.1:" + BROKER_PORT);
        try (RunningJar web = RunningJar.start(webEnv, WEB_PORT); RunningJar worker = RunningJar.start(workerEnv, WORKER_PORT)) {
            web.awaitReady(Duration.ofSeconds(1200));
            worker.awaitReady(Duration.ofSeconds(1200));

            try (Stomp stomp = Stomp.connect("127.0.0.1", BROKER_PORT)) {
                for (int i = 0; i < EVENTS; i++) {
                    stomp.sendText("accounts.events", Events.account(UUID.randomUUID(), "account.created", UUID.randomUUID(),
                            100L * i, "active", 1L, Instant.now()), Map.of());
                }
            }
            awaitAccounts(EVENTS, Duration.ofSeconds(120));
            // ingestion.nice: the worker's writer threads run after its request threads
            worker.awaitThreadsAtNice("ingestion-", 19, Duration.ofSeconds(15));
            worker.awaitThreadsAtNice("http-thread", 0, Duration.ofSeconds(1));
            // the replica ingests nothing, so its Artemis threads (here its embedded broker's) keep the normal priority
            web.awaitThreadsAtNice("Thread-\\d+ \\(", 0, Duration.ofSeconds(1));

            JsonObject status = awaitHeartbeatShowing(EVENTS, Duration.ofSeconds(60));
            Map<String, JsonObject> instances = new java.util.HashMap<>();
            status.getJsonArray("instances").getValuesAs(JsonObject.class).forEach(i -> instances.put(i.getString("name"), i));
            assertEquals("console,api", instances.get("web").getString("roles"));
            assertEquals("ingestion,scheduler", instances.get("worker").getString("roles"));
            assertEquals(0, applied(instances.get("web")), "the replica consumed nothing: " + status);
            assertEquals(EVENTS, applied(instances.get("worker")), "the worker applied every event: " + status);
            assertTrue(web.output().contains("Not consuming AccountEventsConsumer: OPSDECK_ROLES has no ingestion"), web.output());

            assertEquals(200, get(WEB_PORT, "/api/v1/info", true).statusCode());
            assertEquals(302, get(WEB_PORT, "/accounts/index.xhtml", false).statusCode(), "the replica's console asks for a login");
            for (String path : new String[] {"/api/v1/info", "/api/v1/accounts", "/login.xhtml", "/accounts/index.xhtml", "/", "/api-docs/"}) {
                HttpResponse<String> refused = get(WORKER_PORT, path, path.startsWith("/api/"));
                assertEquals(404, refused.statusCode(), path + ": " + refused.body());
                assertEquals("ingestion,scheduler", refused.headers().firstValue("Opsdeck-Roles").orElse(null), path);
            }
            assertEquals(200, get(WORKER_PORT, "/health/ready", false).statusCode());
            assertEquals(200, get(WORKER_PORT, "/health/live", false).statusCode());
            String workerMetrics = get(WORKER_PORT, "/metrics", false).body();
            assertTrue(workerMetrics.lines().anyMatch(l -> l.startsWith("opsdeck_instance_role") && l.contains("role=\"ingestion\"") && l.matches(".* 1(\\.0)?")),
                    "the worker's /metrics says it ingests:\n" + workerMetrics.lines().filter(l -> l.startsWith("opsdeck_")).toList());
            assertTrue(workerMetrics.lines().anyMatch(l -> l.startsWith("opsdeck_instance_role") && l.contains("role=\"console\"") && l.matches(".* 0(\\.0)?")),
                    "and that it serves no console");
        }
    }

    private void awaitAccounts(int expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long count = 0;
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = DriverManager.getConnection(dbUrl, "postgres", "");
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT count(*) FROM accounts_read")) {
                row.next();
                count = row.getLong(1);
            }
            if (count == expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("accounts in the read model after " + timeout + ": " + count + " of " + expected);
    }

    /** The fleet's figures as the replica reads them, once the worker's heartbeat has caught up with what it applied. */
    private JsonObject awaitHeartbeatShowing(int applied, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject status = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = get(WEB_PORT, "/api/v1/ingestion/status", true);
            assertEquals(200, answer.statusCode(), answer.body());
            status = Json.createReader(new StringReader(answer.body())).readObject();
            long total = status.getJsonObject("streams").getJsonObject("accounts").getJsonObject("outcomes").getJsonNumber("applied").longValue();
            if (total == applied && status.getJsonArray("instances").size() == 2) {
                return status;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the heartbeats never showed " + applied + " applied: " + status);
    }

    private static long applied(JsonObject instance) {
        return instance.getJsonObject("streams").getJsonObject("accounts").getJsonObject("outcomes").getJsonNumber("applied").longValue();
    }

    private HttpResponse<String> get(int port, String path, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (withToken) {
            request.header("Authorization", "Bearer " + Tokens.NEW_SERVICE_TOKEN);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
