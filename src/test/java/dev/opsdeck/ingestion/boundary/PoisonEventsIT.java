package dev.opsdeck.ingestion.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.Stomp;
import dev.opsdeck.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages that once stalled a stream, published over STOMP to the real embedded broker: each ends as exactly one
 * dead letter seen once (no redelivery), a good event published behind it is applied, and the status still answers.
 */
@ExtendWith(ArquillianExtension.class)
class PoisonEventsIT {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String VIEWER = Tokens.jwt("vera", List.of("viewer"));
    private static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";
    /** Long enough for the redeliveries a failing message would get (back-off from 100 ms in the tests' setup). */
    private static final Duration SETTLE = Duration.ofSeconds(3);

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

    @Test
    void eventsFromTheFarFutureBecomeOneDeadLetterEachAndTheStatusStillAnswers() throws Exception {
        UUID unknownType = UUID.randomUUID();
        UUID knownType = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        String merged = """
                {"id":"%s","type":"account.merged","source":"accounts","occurred_at":"%s","payload":{}}"""
                .formatted(unknownType, FAR_FUTURE);
        String created = Events.account(knownType, "account.created", UUID.randomUUID(), 100, "active", 1L, T0)
                .replace("\"occurred_at\":\"" + T0 + "\"", "\"occurred_at\":\"" + FAR_FUTURE + "\"");
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", merged, Map.of());
            stomp.sendText("accounts.events", created, Map.of());
            stomp.sendText("accounts.events", good(behind), Map.of());
        }
        awaitAccount(behind);
        String reason = "malformed: occurred_at: more than 86400 s in the future: " + FAR_FUTURE;
        JsonObject first = onlyDeadLetter(reason, unknownType.toString());
        JsonObject second = onlyDeadLetter(reason, knownType.toString());
        assertEquals(merged, first.getString("body"));
        assertEquals(created, second.getString("body"));

        Api.Response status = api().get("api/v1/ingestion/status", VIEWER);
        assertEquals(200, status.status(), status.body());
        double lag = status.json().getJsonObject("streams").getJsonObject("accounts").getJsonNumber("lag_seconds").doubleValue();
        assertTrue(lag >= 0 && lag < 1e10, "lag " + lag);
    }

    @Test
    void malformedMessageWithHeadersOverTheColumnBecomesOneDeadLetterWithItsHeadersCut() throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID behind = UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            headers.put("x-padding-" + i, String.valueOf((char) ('a' + i)).repeat(1000));
        }
        try (Stomp stomp = stomp()) {
            stomp.sendText("accounts.events", "not json " + marker, headers);
            stomp.sendText("accounts.events", good(behind), Map.of());
        }
        awaitAccount(behind);
        JsonObject letter = onlyDeadLetter("malformed: not JSON", marker);
        JsonObject stored = letter.getJsonObject("headers");
        List<String> kept = stored.keySet().stream().filter(name -> name.startsWith("x-padding-")).toList();
        assertTrue(kept.size() >= 5 && kept.size() < 12, "kept " + kept + " of " + stored);
        for (String name : kept) {
            assertEquals(String.valueOf((char) ('a' + Integer.parseInt(name.substring(10)))).repeat(1000), stored.getString(name));
        }
        assertTrue(stored.toString().length() <= 8000, "headers of " + stored.toString().length() + " characters");
        assertTrue(stored.getString("_truncated").matches("\\d+ of \\d+ headers kept, \\d+ characters in all"),
                stored.getString("_truncated"));
        assertEquals("accounts.events", stored.getString("destination"));
    }

    @Test
    void oversizedMessagesAreDeadLetteredWithAPrefixTheirSizeAndHashAndNotReadWhole() throws Exception {
        UUID behind = UUID.randomUUID();
        int bytesSize = (1 << 20) + (int) (Math.random() * 10_000);
        byte[] bytes = ("{\"id\":\"" + UUID.randomUUID() + "\",\"pad\":\"" + "b".repeat(bytesSize) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String text = "{\"id\":\"" + UUID.randomUUID() + "\",\"pad\":\"" + "é".repeat(60_000 + (int) (Math.random() * 10_000)) + "\"}";
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        try (Stomp stomp = stomp()) {
            stomp.sendBytes("payments.events", bytes, Map.of());
            stomp.sendText("payments.events", text, Map.of());
            stomp.sendText("accounts.events", good(behind), Map.of());
        }
        awaitAccount(behind);
        for (byte[] body : List.of(bytes, textBytes)) {
            JsonObject letter = onlyDeadLetter("oversized: body has " + body.length + " bytes, at most 65536 are accepted", "");
            assertEquals("payments", letter.getString("stream"));
            assertEquals(body.length, letter.getJsonNumber("body_size").longValue());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)), letter.getString("body_sha256"));
            assertTrue(letter.getBoolean("body_truncated"));
            byte[] prefix = letter.getString("body").getBytes(StandardCharsets.UTF_8);
            assertTrue(prefix.length <= 4096 && prefix.length > 4090, "prefix of " + prefix.length + " bytes");
            assertEquals(new String(body, 0, prefix.length, StandardCharsets.UTF_8), letter.getString("body"));

            Api.Response replay = api().post("api/v1/dead-letters/" + letter.getJsonNumber("id") + "/replay",
                    Tokens.jwt("ada", List.of("admin")), "");
            assertEquals(422, replay.status(), replay.body());
            assertTrue(replay.body().contains("cannot be replayed"), replay.body());
        }
    }

    private static String good(UUID account) {
        return Events.account(UUID.randomUUID(), "account.created", account, 700, "active", 1L, T0);
    }

    private void awaitAccount(UUID account) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (api().get("api/v1/accounts/" + account, VIEWER).status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the good event behind the poison was not applied: account " + account);
    }

    /**
     * The one waiting dead letter whose reason starts with the given text and whose body contains the given text, once
     * it was seen exactly once: after it appears, it must neither be seen again nor be joined by another copy.
     */
    private JsonObject onlyDeadLetter(String reason, String inBody) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<JsonObject> found = List.of();
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            found = deadLetters(l -> l.getString("reason").startsWith(reason), inBody);
            if (found.isEmpty()) {
                Thread.sleep(200);
            }
        }
        assertFalse(found.isEmpty(), "no dead letter '" + reason + "' with '" + inBody + "'");
        Thread.sleep(SETTLE.toMillis());
        found = deadLetters(l -> l.getString("reason").startsWith(reason), inBody);
        assertEquals(1, found.size(), "dead letters '" + reason + "': " + found);
        assertEquals(1, found.get(0).getInt("attempts"), "seen once, not redelivered: " + found.get(0));
        return found.get(0);
    }

    private List<JsonObject> deadLetters(Predicate<JsonObject> summary, String inBody) {
        List<JsonObject> matching = new ArrayList<>();
        for (JsonObject letter : api().get("api/v1/dead-letters?limit=500", VIEWER).json().getJsonArray("items")
                .getValuesAs(JsonObject.class)) {
            if (summary.test(letter)) {
                JsonObject detail = api().get("api/v1/dead-letters/" + letter.getJsonNumber("id"), VIEWER).json();
                if (detail.getString("body").contains(inBody)) {
                    matching.add(detail);
                }
            }
        }
        return matching;
    }
}
