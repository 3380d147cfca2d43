package dev.opsdeck.ingestion.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.ExternalArtemis;
import dev.opsdeck.testing.RunningJar;
import dev.opsdeck.testing.Stomp;
import dev.opsdeck.testing.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The runnable consuming from an external broker whose only acceptor speaks TLS, with a certificate the test makes,
 * trusted through broker.truststore.path and broker.truststore.password.
 */
class BrokerTlsIT {

    private static final int HTTP_PORT = Integer.getInteger("it.tls.http.port", 25080);
    private static final String TOKEN = "broker-tls-it-token-0123456789";
    private String dbUrl;

    @BeforeEach
    void createDatabase() throws Exception {
        dbUrl = Databases.createPostgresDatabase("broker_tls");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Databases.dropPostgresDatabase(dbUrl);
    }

    @Test
    void consumesOverTlsFromABrokerWhoseCertificateTheTrustStoreHolds() throws Exception {
        Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work.dir"))), "tls-");
        TestCertificates.Pair certificates = TestCertificates.make(workDir);
        try (ExternalArtemis broker = ExternalArtemis.startTls(workDir, certificates.keyStore());
             RunningJar opsdeck = RunningJar.start(Map.of("OPSDECK_DATA_DIR", workDir.resolve("data").toString(),
                     "DB_URL", dbUrl, "DB_USER", "postgres", "SERVICE_API_TOKENS", TOKEN,
                     "BROKER_URL", broker.url(), "BROKER_USER", ExternalArtemis.USER, "BROKER_PASSWORD", ExternalArtemis.PASSWORD,
                     "BROKER_TRUSTSTORE_PATH", certificates.trustStore().path().toString(),
                     "BROKER_TRUSTSTORE_PASSWORD", certificates.trustStore().password()), HTTP_PORT)) {
            assertThrows(IOException.class, () -> Stomp.connect("127.0.0.1", broker.port(), ExternalArtemis.USER,
                    ExternalArtemis.PASSWORD).close(), "the broker refuses plain connections");
            opsdeck.awaitReady(Duration.ofSeconds(300));
            assertTrue(opsdeck.output().contains("Using external broker " + broker.url() + " over TLS"), "says it uses TLS");
            assertFalse(opsdeck.output().contains(certificates.trustStore().password()), "never logs the trust store password");

            UUID account = UUID.randomUUID();
            try (Stomp stomp = Stomp.connectTls("127.0.0.1", broker.port(), ExternalArtemis.USER, ExternalArtemis.PASSWORD,
                    certificates.clientContext())) {
                stomp.sendText("accounts.events", Events.account(UUID.randomUUID(), "account.created", account, 7300,
                        "active", 1L, Instant.parse("2026-12-01T09:00:00Z")), Map.of());
            }
            assertEquals(200, awaitStatus("/api/v1/accounts/" + account));
        }
    }

    private static int awaitStatus(String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + TOKEN).build();
        Instant deadline = Instant.now().plusSeconds(60);
        HttpResponse<String> response;
        do {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return 200;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(path + " still answers " + response.statusCode() + " over TLS: " + response.body());
    }
}
