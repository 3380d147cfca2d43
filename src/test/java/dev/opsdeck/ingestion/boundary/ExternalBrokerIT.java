package dev.opsdeck.ingestion.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.ExternalArtemis;
import dev.opsdeck.testing.RunningJar;
import dev.opsdeck.testing.Stomp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped runnable with {@code BROKER_URL}: it starts no broker of its own and consumes from a separate
 * Artemis broker that requires a login and auto-creates nothing, as an operator's broker would be set up.
 */
class ExternalBrokerIT {

    private static final int HTTP_PORT = 18184;
    private static final String TOKEN = "external-broker-it-token-0123456789";
    private String dbUrl;

    @BeforeEach
    void createDatabase() throws Exception {
        dbUrl = Databases.createPostgresDatabase("external_broker");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Databases.dropPostgresDatabase(dbUrl);
    }

    @Test
    void consumesBothStreamsFromAnExternalBrokerWithALoginAndNoAutoCreatedQueues() throws Exception {
        Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work.dir"))), "external-");
        try (ExternalArtemis broker = ExternalArtemis.start(workDir);
             RunningJar opsdeck = RunningJar.start(Map.of("OPSDECK_DATA_DIR", workDir.resolve("data").toString(),
                     "DB_URL", dbUrl, "DB_USER", "postgres", "SERVICE_API_TOKENS", TOKEN,
                     "BROKER_URL", broker.url(), "BROKER_USER", ExternalArtemis.USER,
                     "BROKER_PASSWORD", ExternalArtemis.PASSWORD), HTTP_PORT)) {
            opsdeck.awaitReady(Duration.ofSeconds(120));
            assertTrue(opsdeck.output().contains("Using external broker " + broker.url()), "says which broker it uses");
            assertFalse(opsdeck.output().contains("Embedded broker active"), "starts no broker of its own");
            assertFalse(opsdeck.output().contains(ExternalArtemis.PASSWORD), "never logs the broker password");

            UUID account = UUID.randomUUID();
            UUID payment = UUID.randomUUID();
            Instant now = Instant.parse("2026-11-30T12:00:00Z");
            try (Stomp stomp = Stomp.connect("127.0.0.1", broker.port(), ExternalArtemis.USER, ExternalArtemis.PASSWORD)) {
                stomp.sendText("accounts.events", Events.account(UUID.randomUUID(), "account.created", account, 4200,
                        "active", 1L, now), Map.of());
                stomp.sendBytes("payments.events", Events.payment(UUID.randomUUID(), "payment.created", payment, account, 1999,
                        "settled", 1, now).getBytes(StandardCharsets.UTF_8), Map.of());
            }

            assertEquals(4200, awaitRow("/api/v1/accounts/" + account).getJsonNumber("balance_cents").longValue());
            JsonObject paid = awaitRow("/api/v1/payments/" + payment);
            assertEquals(1999, paid.getJsonNumber("amount_cents").longValue());
            assertEquals(account.toString(), paid.getString("account_id"));
        }
    }

    private static JsonObject awaitRow(String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + TOKEN).build();
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> response;
        do {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Json.createReader(new StringReader(response.body())).readObject();
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(path + " still answers " + response.statusCode() + ": " + response.body());
    }
}
