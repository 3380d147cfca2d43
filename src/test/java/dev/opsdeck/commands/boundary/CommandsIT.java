package dev.opsdeck.commands.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.ServiceStub;
import dev.opsdeck.testing.ServiceStub.Behaviour;
import dev.opsdeck.testing.Stomp;
import dev.opsdeck.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Actions through the API to a stub of the Go services speaking their contract: stored, sent once per
 * idempotency key, answered, confirmed by the event, refused when not eligible, resumed after a crash, held for a
 * second operator, and not sent while the circuit is open.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsIT {

    private static ServiceStub stub;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startStub() throws Exception {
        stub = ServiceStub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    private Api api() {
        return new Api(base);
    }

    private static String operator() {
        return Tokens.jwt("otto", List.of("operator"));
    }

    private static String secondOperator() {
        return Tokens.jwt("olga", List.of("operator"));
    }

    private static String admin() {
        return Tokens.jwt("ada", List.of("admin"));
    }

    static void publish(String address, String event) throws Exception {
        try (Stomp stomp = Stomp.connect("127.0.0.1", Integer.getInteger("it.broker.port"))) {
            stomp.sendText(address, event, Map.of());
        }
    }

    static UUID payment(String status, long amountCents) throws Exception {
        UUID id = UUID.randomUUID();
        publish("payments.events", Events.payment(UUID.randomUUID(), "payment.created", id, UUID.randomUUID(), amountCents,
                status, 1, Instant.parse("2026-11-20T10:00:00Z")));
        return id;
    }

    static UUID account(String status) throws Exception {
        UUID id = UUID.randomUUID();
        publish("accounts.events", Events.account(UUID.randomUUID(), "account.created", id, 1000, status, 1L,
                Instant.parse("2026-11-20T10:00:00Z")));
        return id;
    }

    private void awaitRead(String path) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (api().get(path, admin()).status() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("read model never held " + path);
            }
            Thread.sleep(100);
        }
    }

    private UUID settledPayment(long amountCents) throws Exception {
        UUID id = payment("settled", amountCents);
        awaitRead("api/v1/payments/" + id);
        return id;
    }

    private JsonObject awaitCommand(String id, Predicate<JsonObject> done, int seconds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        JsonObject command;
        do {
            command = api().get("api/v1/commands/" + id, operator()).json();
            if (done.test(command)) {
                return command;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("command never got there: " + command);
    }

    private JsonObject awaitState(String id, String state) throws InterruptedException {
        return awaitCommand(id, c -> c.getString("state").equals(state), 30);
    }

    private JsonObject refund(UUID payment, String token) {
        Api.Response accepted = api().post("api/v1/payments/" + payment + "/refund-requests", token,
                "{\"reason\":\"customer asked, ticket 4711\"}");
        assertEquals(202, accepted.status(), accepted.body());
        return accepted.json();
    }

    @Test
    void refundIsSentOnceWithTokenAndKeyThenAcceptedAndConfirmedByItsEvent() throws Exception {
        UUID payment = settledPayment(5000);
        JsonObject command = refund(payment, operator());
        assertEquals("refund", command.getString("kind"));
        assertEquals(payment.toString(), command.getString("target_id"));
        assertEquals("otto", command.getString("requested_by"));
        assertEquals(5000, command.getJsonObject("parameters").getInt("amount_cents"));
        String id = command.getString("id");

        JsonObject accepted = awaitState(id, "accepted");
        assertEquals(202, accepted.getInt("last_status"));
        List<ServiceStub.Call> calls = stub.callsFor(payment);
        assertEquals(1, calls.size());
        assertEquals(command.getString("idempotency_key"), calls.get(0).idempotencyKey());
        assertEquals("Bearer " + ServiceStub.PAYMENTS_TOKEN, calls.get(0).authorization());
        assertTrue(calls.get(0).body().contains("\"requested_by\":\"otto\""), calls.get(0).body());

        publish("payments.events", Events.payment(UUID.randomUUID(), "payment.updated", payment, Events.ownerOf(payment), 5000,
                "refund_requested", 2, Instant.parse("2026-11-20T11:00:00Z")));
        JsonObject confirmed = awaitState(id, "confirmed");
        assertTrue(confirmed.containsKey("confirmed_at"));

        JsonObject log = api().get("api/v1/audit-log?target_id=" + payment, admin()).json();
        List<String> actions = log.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("refund.confirmed", "refund.accepted", "refund.requested"), actions);
        assertEquals(1, stub.callsFor(payment).size());
    }

    @Test
    void callWithoutAnswerIsRetriedWithTheSameKeyAndTheServiceActsOnce() throws Exception {
        UUID payment = settledPayment(700);
        stub.behave(payment, Behaviour.SLOW_FIRST);
        JsonObject command = refund(payment, operator());
        JsonObject accepted = awaitState(command.getString("id"), "accepted");
        List<ServiceStub.Call> calls = stub.callsFor(payment);
        assertEquals(2, calls.size(), calls.toString());
        assertEquals(calls.get(0).idempotencyKey(), calls.get(1).idempotencyKey());
        assertEquals(accepted.getString("idempotency_key"), calls.get(0).idempotencyKey());
        assertEquals(1, stub.actedOn(payment));
    }

    @Test
    void refusalKeepsTheServiceMessage() throws Exception {
        UUID payment = settledPayment(900);
        stub.behave(payment, Behaviour.CONFLICT);
        JsonObject command = refund(payment, operator());
        JsonObject rejected = awaitState(command.getString("id"), "rejected");
        assertEquals(409, rejected.getInt("last_status"));
        String message = "payment " + payment + " is not refundable: a chargeback is open";
        assertEquals(message, rejected.getString("last_message"));
        assertTrue(rejected.getString("outcome").contains(message), rejected.getString("outcome"));
        assertEquals(0, stub.actedOn(payment));
    }

    @Test
    void ineligibleUnknownOrInvalidRequestsAreRefusedAndNothingIsStored() throws Exception {
        UUID pending = payment("pending", 100);
        awaitRead("api/v1/payments/" + pending);
        Api.Response notSettled = api().post("api/v1/payments/" + pending + "/refund-requests", operator(),
                "{\"reason\":\"customer asked\"}");
        assertEquals(409, notSettled.status(), notSettled.body());
        assertTrue(notSettled.json().getString("message").contains("is pending; only a settled payment"), notSettled.body());

        Api.Response unknown = api().post("api/v1/payments/" + UUID.randomUUID() + "/refund-requests", operator(),
                "{\"reason\":\"customer asked\"}");
        assertEquals(404, unknown.status(), unknown.body());

        UUID settled = settledPayment(100);
        Api.Response shortReason = api().post("api/v1/payments/" + settled + "/refund-requests", operator(), "{\"reason\":\" ab \"}");
        assertEquals(422, shortReason.status());
        assertEquals("reason", shortReason.json().getString("field"));
        assertEquals("reason: must be 3 to 500 characters, was 2", shortReason.json().getString("message"));
        Api.Response noReason = api().post("api/v1/payments/" + settled + "/refund-requests", operator(), "{}");
        assertEquals(422, noReason.status());
        assertEquals("reason: required", noReason.json().getString("message"));
        Api.Response longReason = api().post("api/v1/payments/" + settled + "/refund-requests", operator(),
                "{\"reason\":\"" + "x".repeat(501) + "\"}");
        assertEquals(422, longReason.status());

        for (UUID target : List.of(pending, settled)) {
            assertEquals(0, api().get("api/v1/commands?target_id=" + target, operator()).json().getJsonArray("items").size());
            assertEquals(0, stub.callsFor(target).size());
        }
        UUID active = account("active");
        awaitRead("api/v1/accounts/" + active);
        Api.Response unfreezeActive = api().post("api/v1/accounts/" + active + "/unfreeze-requests", operator(),
                "{\"reason\":\"customer asked\"}");
        assertEquals(409, unfreezeActive.status(), unfreezeActive.body());
    }

    @Test
    void viewerAndServiceCannotAct() throws Exception {
        UUID payment = settledPayment(100);
        String viewer = Tokens.jwt("vera", List.of("viewer"));
        Api.Response byViewer = api().post("api/v1/payments/" + payment + "/refund-requests", viewer, "{\"reason\":\"customer asked\"}");
        assertEquals(403, byViewer.status());
        assertEquals("forbidden", byViewer.json().getString("error"));
        Api.Response byService = api().post("api/v1/payments/" + payment + "/refund-requests", Tokens.NEW_SERVICE_TOKEN,
                "{\"reason\":\"customer asked\"}");
        assertEquals(403, byService.status());
        assertEquals(403, api().get("api/v1/commands", viewer).status());
        assertEquals(403, api().post("api/v1/accounts/" + UUID.randomUUID() + "/freeze-requests", viewer,
                "{\"reason\":\"customer asked\"}").status());
        assertEquals(0, api().get("api/v1/commands?target_id=" + payment, operator()).json().getJsonArray("items").size());
        assertEquals(0, stub.callsFor(payment).size());
    }

    @Test
    void theGoServicesOwnPathsAreNotServedHere() {
        UUID id = UUID.randomUUID();
        assertEquals(404, api().post("api/v1/accounts/" + id + "/freeze", operator(), "{\"reason\":\"x\"}").status());
        assertEquals(404, api().post("api/v1/payments/" + id + "/refund", operator(), "{\"reason\":\"x\"}").status());
    }

    @Test
    void sameIdempotencyKeyFromTheSameCallerReturnsTheSameCommand() throws Exception {
        UUID payment = settledPayment(300);
        String key = "console-" + UUID.randomUUID();
        String token = operator();
        Api.Response first = api().post("api/v1/payments/" + payment + "/refund-requests", token,
                "{\"reason\":\"customer asked\"}", Map.of("Idempotency-Key", key));
        Api.Response again = api().post("api/v1/payments/" + payment + "/refund-requests", token,
                "{\"reason\":\"customer asked\"}", Map.of("Idempotency-Key", key));
        assertEquals(202, first.status(), first.body());
        assertEquals(202, again.status(), again.body());
        assertEquals(first.json().getString("id"), again.json().getString("id"));
        awaitState(first.json().getString("id"), "accepted");
        assertEquals(1, api().get("api/v1/commands?target_id=" + payment, token).json().getJsonArray("items").size());
        assertEquals(1, stub.callsFor(payment).size());
    }

    @Test
    void commandsLeftBehindByACrashAreResumedWithoutDoubleCalls() throws Exception {
        UUID neverSent = settledPayment(400);
        UUID sentNoAnswer = settledPayment(401);
        UUID pendingId = UUID.randomUUID();
        UUID sentId = UUID.randomUUID();
        UUID sentKey = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(System.getenv("DB_URL"), System.getenv().getOrDefault("DB_USER", "postgres"), "")) {
            insert(db, pendingId, UUID.randomUUID(), neverSent, "pending", 0, OffsetDateTime.now(ZoneOffset.UTC));
            insert(db, sentId, sentKey, sentNoAnswer, "sent", 1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        }
        JsonObject resumed = awaitState(pendingId.toString(), "accepted");
        assertEquals(1, resumed.getInt("attempts"));
        JsonObject retried = awaitState(sentId.toString(), "accepted");
        assertEquals(2, retried.getInt("attempts"));
        Thread.sleep(7000);
        assertEquals(1, stub.callsFor(neverSent).size());
        assertEquals(1, stub.callsFor(sentNoAnswer).size());
        assertEquals(sentKey.toString(), stub.callsFor(sentNoAnswer).get(0).idempotencyKey());
    }

    private static void insert(Connection db, UUID id, UUID key, UUID payment, String state, int attempts,
                               OffsetDateTime due) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO action_command (id, idempotency_key, target_type, "
                + "target_id, kind, parameters, reason, requested_by, requested_at, state, attempts, next_attempt_at, "
                + "confirmation_overdue, updated_at, sent_at) VALUES (?, ?, 'payment', ?, 'refund', '{}', 'before the crash', "
                + "'otto', ?, ?, ?, ?, FALSE, ?, ?)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            insert.setObject(1, id);
            insert.setObject(2, key);
            insert.setObject(3, payment);
            insert.setObject(4, now);
            insert.setString(5, state);
            insert.setInt(6, attempts);
            insert.setObject(7, due);
            insert.setObject(8, now);
            insert.setObject(9, state.equals("sent") ? now : null);
            insert.executeUpdate();
        }
    }

    @Test
    void refundAboveTheThresholdWaitsForASecondOperator() throws Exception {
        UUID payment = settledPayment(250_000);
        JsonObject held = refund(payment, operator());
        assertEquals("awaiting_approval", held.getString("state"));
        String id = held.getString("id");
        Thread.sleep(4000);
        assertEquals(0, stub.callsFor(payment).size());

        Api.Response self = api().post("api/v1/commands/" + id + "/approval", operator(), "{}");
        assertEquals(403, self.status(), self.body());
        Api.Response approved = api().post("api/v1/commands/" + id + "/approval", secondOperator(), "{}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("olga", approved.json().getString("decided_by"));
        awaitState(id, "accepted");
        assertEquals(1, stub.callsFor(payment).size());
        assertEquals(409, api().post("api/v1/commands/" + id + "/approval", secondOperator(), "{}").status());

        UUID other = settledPayment(300_000);
        String declinedId = refund(other, operator()).getString("id");
        Api.Response declined = api().post("api/v1/commands/" + declinedId + "/rejection", secondOperator(),
                "{\"reason\":\"amount looks wrong\"}");
        assertEquals(200, declined.status(), declined.body());
        assertEquals("rejected", declined.json().getString("state"));
        assertTrue(declined.json().getString("outcome").startsWith("not sent: approval refused by olga"), declined.body());
        Thread.sleep(4000);
        assertEquals(0, stub.callsFor(other).size());
        List<String> actions = api().get("api/v1/audit-log?target_id=" + other, admin()).json().getJsonArray("items")
                .stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("refund.declined", "refund.requested"), actions);
    }

    @Test
    void freezeAndUnfreezeAreSentAndConfirmed() throws Exception {
        UUID account = account("active");
        awaitRead("api/v1/accounts/" + account);
        Api.Response freeze = api().post("api/v1/accounts/" + account + "/freeze-requests", operator(),
                "{\"reason\":\"suspected fraud\"}");
        assertEquals(202, freeze.status(), freeze.body());
        assertEquals("freeze", freeze.json().getString("kind"));
        String freezeId = freeze.json().getString("id");
        awaitState(freezeId, "accepted");
        assertTrue(stub.callsFor(account).get(0).path().endsWith("/freeze"));
        publish("accounts.events", Events.account(UUID.randomUUID(), "account.updated", account, 1000, "frozen", 2L,
                Instant.parse("2026-11-20T11:00:00Z")));
        awaitState(freezeId, "confirmed");

        Api.Response unfreeze = api().post("api/v1/accounts/" + account + "/unfreeze-requests", operator(),
                "{\"reason\":\"cleared\"}");
        assertEquals(202, unfreeze.status(), unfreeze.body());
        awaitState(unfreeze.json().getString("id"), "accepted");
        assertEquals(2, stub.callsFor(account).size());
        assertTrue(stub.callsFor(account).get(1).path().endsWith("/unfreeze"));
        JsonObject page = api().get("api/v1/commands?target_id=" + account + "&limit=1", operator()).json();
        assertEquals(unfreeze.json().getString("id"), page.getJsonArray("items").getJsonObject(0).getString("id"));
        JsonObject next = api().get("api/v1/commands?target_id=" + account + "&limit=1&cursor=" + page.getString("next_cursor"),
                operator()).json();
        assertEquals(freezeId, next.getJsonArray("items").getJsonObject(0).getString("id"));
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void serviceKilledMidBatchLeavesEveryItemTruthfulAndRefundsNothingTwice() throws Exception {
        UUID answered = settledPayment(810);
        UUID inFlight = settledPayment(820);
        UUID afterCrash = settledPayment(830);
        stub.behave(inFlight, Behaviour.SLOW_FIRST);
        String answeredId = refund(answered, operator()).getString("id");
        awaitState(answeredId, "accepted");
        String inFlightId = refund(inFlight, operator()).getString("id");
        Instant deadline = Instant.now().plusSeconds(30);
        while (stub.callsFor(inFlight).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertEquals(1, stub.actedOn(inFlight), "the service acted on the call in flight before it died");
        stub.kill();
        try {
            JsonObject notSent = awaitCommand(refund(afterCrash, operator()).getString("id"),
                    c -> c.containsKey("last_message") || c.getString("state").equals("failed"), 30);
            assertEquals("failed", notSent.getString("state"), notSent.toString());
            assertTrue(notSent.getString("outcome").startsWith("not sent: payments service unavailable"), notSent.toString());
            JsonObject unanswered = awaitCommand(inFlightId, c -> c.containsKey("last_message"), 30);
            assertEquals("sent", unanswered.getString("state"), "no answer came, so the service may have acted: " + unanswered);
            assertEquals("accepted", api().get("api/v1/commands/" + answeredId, operator()).json().getString("state"));
        } finally {
            stub.restart();
        }
        JsonObject resumed = awaitCommand(inFlightId, c -> c.getString("state").equals("accepted"), 60);
        assertTrue(resumed.getInt("attempts") >= 2, resumed.toString());
        Thread.sleep(4000);
        assertEquals(1, stub.actedOn(answered));
        assertEquals(1, stub.actedOn(inFlight));
        assertEquals(0, stub.actedOn(afterCrash));
        assertTrue(stub.callsFor(inFlight).stream().allMatch(c -> c.idempotencyKey().equals(resumed.getString("idempotency_key"))));
        assertEquals(1, stub.callsFor(answered).size());
        assertEquals("failed", api().get("api/v1/commands/" + refundIdOf(afterCrash), operator()).json().getString("state"));
    }

    private String refundIdOf(UUID payment) {
        return api().get("api/v1/commands?target_id=" + payment, operator()).json().getJsonArray("items")
                .getJsonObject(0).getString("id");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void circuitOpensAfterRepeatedFailuresAndLaterCommandsAreNotSent() throws Exception {
        List<UUID> accounts = List.of(account("active"), account("active"), account("active"), account("active"));
        for (UUID account : accounts) {
            awaitRead("api/v1/accounts/" + account);
            stub.behave(account, Behaviour.FAIL);
        }
        JsonObject notSent = null;
        java.util.List<JsonObject> unanswered = new java.util.ArrayList<>();
        for (UUID account : accounts) {
            JsonObject command = freezeAndAwaitAttempt(account);
            if (command.getString("state").equals("failed")) {
                notSent = command;
                assertEquals(0, stub.callsFor(account).size());
                break;
            }
            assertEquals("sent", command.getString("state"), command.toString());
            assertEquals(500, command.getInt("last_status"));
            assertEquals(1, stub.callsFor(account).size(), "one call per attempt");
            unanswered.add(command);
        }
        assertTrue(notSent != null, "the circuit never opened");
        assertEquals("not sent: accounts service unavailable (circuit open)", notSent.getString("outcome"));
        assertTrue(!unanswered.isEmpty());

        for (UUID account : accounts) {
            stub.behave(account, Behaviour.OK);
        }
        JsonObject first = unanswered.get(0);
        UUID target = UUID.fromString(first.getString("target_id"));
        JsonObject recovered = awaitCommand(first.getString("id"), c -> c.getString("state").equals("accepted"), 60);
        assertTrue(recovered.getInt("attempts") >= 2);
        assertEquals(1, stub.actedOn(target));
        assertTrue(stub.callsFor(target).stream().allMatch(c -> c.idempotencyKey().equals(first.getString("idempotency_key"))));
    }

    private JsonObject freezeAndAwaitAttempt(UUID account) throws InterruptedException {
        Api.Response freeze = api().post("api/v1/accounts/" + account + "/freeze-requests", operator(),
                "{\"reason\":\"suspected fraud\"}");
        assertEquals(202, freeze.status(), freeze.body());
        return awaitCommand(freeze.json().getString("id"),
                c -> c.getString("state").equals("failed") || c.containsKey("last_message"), 30);
    }
}
