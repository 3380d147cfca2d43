package dev.opsdeck.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatedWorldTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private final SimulatedWorld world = new SimulatedWorld(new Random(7), Duration.ofSeconds(5));

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private List<JsonObject> run(int steps) {
        for (int i = 0; i < steps; i++) {
            world.step(START.plusMillis(i * 10L), true);
        }
        return world.drain().stream().map(event -> json(event.body())).toList();
    }

    private static String id(JsonObject event) {
        JsonObject payload = event.getJsonObject("payload");
        return payload.containsKey("payment_id") ? payload.getString("payment_id") : payload.getString("account_id");
    }

    @Test
    void trafficFollowsTheContractWithIncreasingVersionsAndTimes() {
        List<JsonObject> events = run(500);
        assertTrue(events.size() >= 500);
        Map<String, JsonObject> last = new HashMap<>();
        for (JsonObject event : events) {
            UUID.fromString(event.getString("id"));
            assertTrue(List.of("account.created", "account.updated", "payment.created", "payment.updated").contains(event.getString("type")));
            assertEquals(event.getString("type").startsWith("account") ? "accounts" : "payments", event.getString("source"));
            JsonObject payload = event.getJsonObject("payload");
            assertTrue(payload.getString("currency").matches("[A-Z]{3}"));
            assertEquals(payload.getString("updated_at"), event.getString("occurred_at"));
            JsonObject before = last.put(id(event), payload);
            if (before == null) {
                assertTrue(event.getString("type").endsWith(".created"), event.toString());
                assertEquals(1, payload.getInt("version"));
            } else {
                assertEquals(before.getInt("version") + 1, payload.getInt("version"));
                assertTrue(Instant.parse(payload.getString("updated_at")).isAfter(Instant.parse(before.getString("updated_at"))));
            }
        }
    }

    @Test
    void refundOfASettledPaymentPublishesRefundRequestedThenRefunded() {
        List<JsonObject> events = run(300);
        String settled = events.stream().filter(e -> e.getJsonObject("payload").getString("status").equals("settled")
                && e.getString("type").equals("payment.updated")).map(SimulatedWorldTest::id).findFirst().orElseThrow();
        Instant now = START.plusSeconds(60);
        SimulatedWorld.Answer answer = world.refund(UUID.fromString(settled), now);
        assertEquals(202, answer.status());
        assertEquals("refund_requested", json(answer.body()).getString("status"));
        JsonObject requested = json(world.drain().get(0).body());
        assertEquals("refund_requested", requested.getJsonObject("payload").getString("status"));
        assertEquals(409, world.refund(UUID.fromString(settled), now).status());
        world.step(now.plusSeconds(4), false);
        assertTrue(world.drain().isEmpty());
        world.step(now.plusSeconds(5), false);
        JsonObject refunded = json(world.drain().get(0).body());
        assertEquals("refunded", refunded.getJsonObject("payload").getString("status"));
        assertEquals(requested.getJsonObject("payload").getInt("version") + 1, refunded.getJsonObject("payload").getInt("version"));
    }

    @Test
    void freezeOnlyActiveUnfreezeOnlyFrozenUnknownIsNotFound() {
        List<JsonObject> events = run(50);
        UUID account = UUID.fromString(events.stream().filter(e -> e.getString("type").equals("account.created"))
                .map(SimulatedWorldTest::id).findFirst().orElseThrow());
        Instant now = START.plusSeconds(60);
        assertEquals(409, world.freeze(account, false, now).status());
        assertEquals(202, world.freeze(account, true, now).status());
        assertEquals("frozen", json(world.drain().get(0).body()).getJsonObject("payload").getString("status"));
        assertEquals(409, world.freeze(account, true, now).status());
        assertEquals(202, world.freeze(account, false, now).status());
        assertEquals(404, world.freeze(UUID.randomUUID(), true, now).status());
        assertTrue(json(world.refund(UUID.randomUUID(), now).body()).getString("message").contains("not found"));
    }
}
