package dev.opsdeck.ingestion.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.Stomp;
import dev.opsdeck.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events published over STOMP to the real embedded broker, consumed by the MDBs into the read models in
 * PostgreSQL, observed through the API: every rule of the event contract's delivery section.
 */
@ExtendWith(ArquillianExtension.class)
class IngestionIT {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String ADMIN = Tokens.jwt("ada", List.of("admin"));
    private static final String VIEWER = Tokens.jwt("vera", List.of("viewer"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    private static Stomp stomp() throws Exception {
        return Stomp.connect("127.0.0.1", Integer.getInteger("it.broker.port"));
    }

    private static String account(UUID account, long balance, long version) {
        return Events.account(UUID.randomUUID(), version == 1 ? "account.created" : "account.updated", account, balance,
                "active", version, T0.plusSeconds(version));
    }

    private JsonObject awaitAccount(UUID account, Predicate<JsonObject> until) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Api.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api().get("api/v1/accounts/" + account, Tokens.NEW_SERVICE_TOKEN);
            if (last.status() == 200 && until.test(last.json())) {
                return last.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("account " + account + " never matched; last answer " + (last == null ? "none" : last.body()));
    }

    private JsonObject awaitDeadLetter(Predicate<JsonObject> matching) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (JsonObject letter : api().get("api/v1/dead-letters?limit=500", VIEWER).json()
                    .getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (matching.test(letter)) {
                    return letter;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such dead letter");
    }

    private long outcome(String stream, String outcome) {
        return api().get("api/v1/ingestion/status", VIEWER).json().getJsonObject("streams").getJsonObject(stream)
                .getJsonObject("outcomes").getJsonNumber(outcome).longValue();
    }

    @Test
    void textAndBytesBodiesBothReachTheReadModel() throws Exception {
        UUID viaText = UUID.randomUUID();
        UUID viaBytes = UUID.randomUUID();
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", account(viaText, 100, 1), Map.of());
            stomp.sendBytes("accounts.events", account(viaBytes, 200, 1).getBytes(StandardCharsets.UTF_8), Map.of());
        }
        assertEquals(100, awaitAccount(viaText, a -> true).getJsonNumber("balance_cents").longValue());
        JsonObject bytes = awaitAccount(viaBytes, a -> true);
        assertEquals(200, bytes.getJsonNumber("balance_cents").longValue());
        assertTrue(bytes.containsKey("synced_at"));
    }

    @Test
    void duplicateEventChangesNothing() throws Exception {
        UUID account = UUID.randomUUID();
        String created = account(account, 100, 1);
        long duplicatesBefore = outcome("accounts", "duplicate");
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", created, Map.of());
            stomp.sendText("accounts.events", created, Map.of());
        }
        awaitAccount(account, a -> true);
        Instant deadline = Instant.now().plusSeconds(20);
        while (outcome("accounts", "duplicate") == duplicatesBefore && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertTrue(outcome("accounts", "duplicate") > duplicatesBefore, "the second delivery is counted as a duplicate");
        assertEquals(1, awaitAccount(account, a -> true).getJsonNumber("version").longValue());
    }

    @Test
    void updateBeforeCreateCreatesTheRowAndTheLateCreateKeepsTheNewerData() throws Exception {
        UUID account = UUID.randomUUID();
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", account(account, 300, 3), Map.of());
        }
        awaitAccount(account, a -> a.getJsonNumber("version").longValue() == 3);
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", account(account, 100, 1), Map.of());
            stomp.sendText("accounts.events", account(account, 400, 4), Map.of());
        }
        JsonObject latest = awaitAccount(account, a -> a.getJsonNumber("version").longValue() == 4);
        assertEquals(400, latest.getJsonNumber("balance_cents").longValue());
    }

    @Test
    void olderUpdateAfterNewerIsIgnoredAndCountedAsStale() throws Exception {
        UUID account = UUID.randomUUID();
        long staleBefore = outcome("accounts", "stale");
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", account(account, 500, 5), Map.of());
        }
        awaitAccount(account, a -> true);
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", account(account, 200, 2), Map.of());
        }
        Instant deadline = Instant.now().plusSeconds(20);
        while (outcome("accounts", "stale") == staleBefore && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(staleBefore + 1, outcome("accounts", "stale"));
        assertEquals(500, awaitAccount(account, a -> true).getJsonNumber("balance_cents").longValue());
    }

    @Test
    void unknownTypeIsAcknowledgedAndCountedNotDeadLettered() throws Exception {
        long unknownBefore = outcome("accounts", "unknown");
        String merged = """
                {"id":"%s","type":"account.merged","source":"accounts","occurred_at":"2026-11-20T10:00:00Z","payload":{}}"""
                .formatted(UUID.randomUUID());
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", merged, Map.of());
        }
        Instant deadline = Instant.now().plusSeconds(20);
        while (outcome("accounts", "unknown") == unknownBefore && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(unknownBefore + 1, outcome("accounts", "unknown"));
    }

    @Test
    void malformedMessagesGoToTheDeadLettersWithAPreciseReasonAndDoNotHoldUpOthers() throws Exception {
        UUID behind = UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        String badCurrency = account(UUID.randomUUID(), 1, 1).replace("\"EUR\"", "\"euro\"");
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", "not json " + marker, Map.of());
            stomp.sendText("accounts.events", badCurrency, Map.of());
            stomp.sendText("payments.events", "{\"id\":\"" + marker + "\"}", Map.of());
            stomp.sendText("accounts.events", account(behind, 700, 1), Map.of());
        }
        awaitAccount(behind, a -> true);
        JsonObject notJson = awaitDeadLetter(letter -> letter.getString("reason").startsWith("malformed: not JSON"));
        assertEquals("accounts", notJson.getString("stream"));
        awaitDeadLetter(letter -> letter.getString("reason").equals(
                "malformed: payload.currency: not an ISO 4217 code (3 upper-case letters): euro"));
        JsonObject missing = awaitDeadLetter(letter -> letter.getString("stream").equals("payments")
                && letter.getString("reason").equals("malformed: type: missing"));
        JsonObject detail = api().get("api/v1/dead-letters/" + missing.getJsonNumber("id"), VIEWER).json();
        assertEquals("{\"id\":\"" + marker + "\"}", detail.getString("body"));
        assertEquals("payments.events", detail.getJsonObject("headers").getString("destination"), detail.toString());
        assertEquals(1, detail.getInt("attempts"));
    }

    @Test
    void concurrentDeliveriesOfManyVersionsOfOneAggregateEndWithTheNewest() throws Exception {
        UUID account = UUID.randomUUID();
        List<String> versions = new ArrayList<>();
        for (int version = 1; version <= 60; version++) {
            versions.add(account(account, version * 10L, version));
        }
        Collections.shuffle(versions, new Random(7));
        List<Thread> publishers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            List<String> part = versions.subList(p * 15, (p + 1) * 15);
            Thread publisher = new Thread(() -> {
                try (Stomp stomp = stomp()) {
                    for (String event : part) {
                        stomp.sendText("accounts.events", event, Map.of());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            publisher.start();
            publishers.add(publisher);
        }
        for (Thread publisher : publishers) {
            publisher.join();
        }
        JsonObject finalState = awaitAccount(account, a -> a.getJsonNumber("version").longValue() == 60);
        assertEquals(600, finalState.getJsonNumber("balance_cents").longValue());
    }

    @Test
    void databaseLockHeldByAnotherConnectionMakesTheEventRetryAndThenSucceed() throws Exception {
        UUID account = UUID.randomUUID();
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", account(account, 100, 1), Map.of());
        }
        awaitAccount(account, a -> true);
        long retriedBefore = outcome("accounts", "retried");
        try (Connection locker = DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), "")) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement("SELECT 1 FROM accounts_read WHERE account_id = ? FOR UPDATE")) {
                lock.setObject(1, account);
                lock.executeQuery();
            }
            try (Stomp stomp = stomp()) {
                stomp.sendText("accounts.events", account(account, 200, 2), Map.of());
            }
            Thread.sleep(2_500);
            locker.commit();
        }
        assertEquals(200, awaitAccount(account, a -> a.getJsonNumber("version").longValue() == 2)
                .getJsonNumber("balance_cents").longValue());
        assertTrue(outcome("accounts", "retried") > retriedBefore, "the locked write was retried");
    }

    @Test
    void eventDeadLetteredAfterItsRetriesIsReplayedByAnAdminOnceTheCauseIsGone() throws Exception {
        UUID account = UUID.randomUUID();
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", account(account, 100, 1), Map.of());
        }
        awaitAccount(account, a -> true);
        UUID eventId = UUID.randomUUID();
        JsonObject letter;
        try (Connection locker = DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), "")) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement("SELECT 1 FROM accounts_read WHERE account_id = ? FOR UPDATE")) {
                lock.setObject(1, account);
                lock.executeQuery();
            }
            try (Stomp stomp = stomp()) {
                stomp.sendText("accounts.events", Events.account(eventId, "account.updated", account, 900, "frozen", 2L,
                        T0.plusSeconds(2)), Map.of());
            }
            letter = awaitDeadLetter(l -> eventId.toString().equals(l.getString("event_id", "")));
            locker.commit();
        }
        assertTrue(letter.getString("reason").startsWith("transient failure, 5 attempts spent"), letter.getString("reason"));
        assertEquals(1, awaitAccount(account, a -> true).getJsonNumber("version").longValue(), "not applied before replay");

        String id = letter.getJsonNumber("id").toString();
        assertEquals(403, api().post("api/v1/dead-letters/" + id + "/replay", VIEWER, "").status());
        Api.Response replayed = api().post("api/v1/dead-letters/" + id + "/replay", ADMIN, "");
        assertEquals(200, replayed.status(), replayed.body());
        assertEquals("applied", replayed.json().getString("outcome"));
        JsonObject account2 = awaitAccount(account, a -> a.getJsonNumber("version").longValue() == 2);
        assertEquals("frozen", account2.getString("status"));
        JsonObject resolved = api().get("api/v1/dead-letters/" + id, VIEWER).json();
        assertEquals("replayed", resolved.getString("state"));
        assertEquals("ada", resolved.getString("resolved_by"));
        assertEquals(409, api().post("api/v1/dead-letters/" + id + "/replay", ADMIN, "").status());
    }

    @Test
    void paymentsAreReadByAccountThroughKeysetPages() throws Exception {
        UUID account = UUID.randomUUID();
        try (Stomp stomp = stomp()) {
            for (int i = 0; i < 5; i++) {
                stomp.sendText("payments.events", Events.payment(UUID.randomUUID(), "payment.created", UUID.randomUUID(),
                        account, 100 + i, "settled", 1, T0), Map.of());
            }
        }
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            seen.clear();
            String cursor = "";
            do {
                JsonObject page = api().get("api/v1/payments?account_id=" + account + "&limit=2" + cursor, VIEWER).json();
                page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(p -> seen.add(p.getString("payment_id")));
                cursor = page.containsKey("next_cursor") ? "&cursor=" + page.getString("next_cursor") : null;
            } while (cursor != null);
            if (seen.size() == 5) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(5, seen.size());
        assertEquals(seen.stream().sorted().toList(), seen, "pages come in id order");
    }

    @Test
    void readApiValidatesAndAnswers404ForUnknownIds() {
        assertEquals(404, api().get("api/v1/accounts/" + UUID.randomUUID(), VIEWER).status());
        Api.Response bad = api().get("api/v1/payments?account_id=nope", VIEWER);
        assertEquals(422, bad.status());
        assertEquals("account_id", bad.json().getString("field"));
        assertEquals(422, api().get("api/v1/accounts?limit=0", VIEWER).status());
        assertEquals(401, api().get("api/v1/accounts", null).status());
    }
}
