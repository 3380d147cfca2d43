package dev.opsdeck.tracing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Browser;
import dev.opsdeck.testing.ConsoleSession;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.OtlpReceiver;
import dev.opsdeck.testing.OtlpReceiver.ReceivedSpan;
import dev.opsdeck.testing.RunningJar;
import dev.opsdeck.testing.ServiceStub;
import dev.opsdeck.testing.Stomp;
import dev.opsdeck.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The runnable jar on its embedded defaults (H2, embedded broker), exporting to a real OTLP/HTTP receiver only because
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set: an event's traceparent is continued by the consumer and its write, an
 * operator's refund request continues into the call to the Go service (the stub), whose next event continues that
 * trace again; every request leaves one access log line carrying its trace, and lines written inside a span carry it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingIT {

    private static final int HTTP_PORT = 32081;
    private static final int BROKER_PORT = 32617;
    private static final int OTLP_PORT = 32318;
    private static final Duration EXPORTED = Duration.ofSeconds(30);

    private OtlpReceiver receiver;
    private ServiceStub stub;
    private RunningJar jar;
    private Api api;
    private URL base;

    @BeforeAll
    void start() throws Exception {
        receiver = OtlpReceiver.start(OTLP_PORT);
        stub = ServiceStub.start();
        Path work = Files.createDirectories(Path.of(System.getProperty("it.work.dir")));
        Map<String, String> env = Map.ofEntries(
                Map.entry("OPSDECK_DATA_DIR", Files.createTempDirectory(work, "tracing-").toString()),
                Map.entry("BROKER_PORT", String.valueOf(BROKER_PORT)),
                Map.entry("MP_JWT_VERIFY_PUBLICKEY", Tokens.read("jwt/public.pem")),
                Map.entry("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER),
                Map.entry("OPSDECK_ADMIN_PASSWORD", Browser.ADMIN_PASSWORD),
                Map.entry("PAYMENTS_SERVICE_URL", "http://127.0.0.1:" + Integer.getInteger("it.stub.port", 18990)),
                Map.entry("PAYMENTS_SERVICE_TOKEN", ServiceStub.PAYMENTS_TOKEN),
                Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + OTLP_PORT),
                Map.entry("OTEL_BSP_SCHEDULE_DELAY", "200"));
        jar = RunningJar.start(env, HTTP_PORT);
        jar.awaitReady(Duration.ofSeconds(600));
        base = URI.create("http://127.0.0.1:" + HTTP_PORT + "/").toURL();
        api = new Api(base);
    }

    @AfterAll
    void stop() throws Exception {
        if (jar != null) {
            jar.close();
        }
        if (stub != null) {
            stub.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void anEventAndTheRefundItLeadsToFormOneChainOfSpansIntoTheGoServiceAndBack() throws Exception {
        String goTrace = hex(16);
        String goSpan = hex(8);
        UUID payment = UUID.randomUUID();
        publish(Events.payment(UUID.randomUUID(), "payment.created", payment, UUID.randomUUID(), 4200, "settled", 1,
                Instant.parse("2026-11-20T10:00:00Z")), "00-" + goTrace + "-" + goSpan + "-01");

        ReceivedSpan consumed = receiver.await("consuming the event", EXPORTED,
                span -> span.traceId().equals(goTrace) && span.kind().equals("SPAN_KIND_CONSUMER"));
        assertEquals(goSpan, consumed.parentSpanId(), "the consumer span continues the event's traceparent");
        assertEquals("payments.events process", consumed.name());
        assertEquals("opsdeck", consumed.service());
        assertEquals("payments", consumed.attribute("opsdeck.stream"));
        assertEquals("payment.created", consumed.attribute("opsdeck.event.type"));
        assertEquals(payment.toString(), consumed.attribute("opsdeck.aggregate.id"));
        assertEquals("applied", consumed.attribute("opsdeck.outcome"));
        assertEquals("activemq", consumed.attribute("messaging.system"));
        ReceivedSpan written = receiver.await("writing the event", EXPORTED, span -> span.parentSpanId().equals(consumed.spanId()));
        assertEquals("payments.events write", written.name());
        assertEquals(goTrace, written.traceId());

        String operator = Tokens.jwt("otto", List.of("operator"));
        awaitRead("api/v1/payments/" + payment, operator);
        Api.Response accepted = api.post("api/v1/payments/" + payment + "/refund-requests", operator,
                "{\"reason\":\"customer asked, ticket 4711\"}");
        assertEquals(202, accepted.status(), accepted.body());
        String command = accepted.json().getString("id");

        ReceivedSpan request = receiver.await("serving the refund request", EXPORTED,
                span -> span.kind().equals("SPAN_KIND_SERVER") && span.name().equals("POST /api/v1/payments/{id}/refund-requests"));
        assertEquals("/api/v1/payments/{id}/refund-requests", request.attribute("http.route"));
        assertEquals("202", request.attribute("http.status_code"));
        assertEquals("otto", request.attribute("enduser.id"));
        ReceivedSpan dispatch = receiver.await("dispatching the command", EXPORTED,
                span -> span.name().equals("command dispatch") && command.equals(span.attribute("opsdeck.command.id")));
        assertEquals(request.spanId(), dispatch.parentSpanId(), "the dispatch continues the operator's request");
        assertEquals(request.traceId(), dispatch.traceId());
        assertEquals("refund", dispatch.attribute("opsdeck.command.kind"));
        assertEquals(payment.toString(), dispatch.attribute("opsdeck.aggregate.id"));
        ReceivedSpan call = receiver.await("calling the payments service", EXPORTED,
                span -> span.kind().equals("SPAN_KIND_CLIENT") && span.parentSpanId().equals(dispatch.spanId()));

        ServiceStub.Call received = awaitCall(payment);
        assertEquals("00-" + request.traceId() + "-" + call.spanId() + "-01", received.traceparent(),
                "the Go service receives a traceparent that continues the request's trace at the client span");

        publish(Events.payment(UUID.randomUUID(), "payment.updated", payment, Events.ownerOf(payment), 4200, "refunded", 2,
                Instant.parse("2026-11-20T11:00:00Z")), received.traceparent());
        ReceivedSpan confirmation = receiver.await("consuming the service's answering event", EXPORTED,
                span -> span.kind().equals("SPAN_KIND_CONSUMER") && span.traceId().equals(request.traceId()));
        assertEquals(call.spanId(), confirmation.parentSpanId(), "the Go service's event comes back into the same trace");

        JsonObject access = awaitLine("the refund request's access line", line -> line.getString("LoggerName", "").equals("opsdeck.access")
                && line.getString("http_route", "").equals("/api/v1/payments/{id}/refund-requests"));
        assertEquals("POST", access.getString("http_method"));
        assertEquals("/api/v1/payments/" + payment + "/refund-requests", access.getString("http_path"));
        assertEquals("202", access.getString("http_status"));
        assertEquals("otto", access.getString("caller"));
        assertTrue(Double.parseDouble(access.getString("duration_ms")) > 0, access.toString());
        assertEquals(request.traceId(), access.getString("trace_id"));
        assertEquals(request.spanId(), access.getString("span_id"));
    }

    @Test
    void consoleRequestsAreTracedAndLoggedAndLinesInsideASpanCarryIt() throws Exception {
        ConsoleSession console = new ConsoleSession(base);
        assertTrue(console.login(Browser.ADMIN, Browser.ADMIN_PASSWORD), console.lastPage());
        assertEquals(200, console.get("payments/index.xhtml").statusCode());

        JsonObject access = awaitLine("the console page's access line", line -> line.getString("LoggerName", "").equals("opsdeck.access")
                && line.getString("http_route", "").equals("/payments/index.xhtml"));
        assertEquals("GET", access.getString("http_method"));
        assertEquals("200", access.getString("http_status"));
        assertEquals(Browser.ADMIN, access.getString("caller"));
        ReceivedSpan page = receiver.await("serving the console page", EXPORTED,
                span -> span.kind().equals("SPAN_KIND_SERVER") && span.spanId().equals(access.getString("span_id")));
        assertEquals("GET /payments/index.xhtml", page.name());
        assertEquals(access.getString("trace_id"), page.traceId());

        String trace = hex(16);
        publish("{\"id\":\"not an event\"}", "00-" + trace + "-" + hex(8) + "-01");
        JsonObject deadLettered = awaitLine("the dead letter's warning", line -> line.getString("LogMessage", "").startsWith("Dead-lettered")
                && trace.equals(line.getString("trace_id", "")));
        ReceivedSpan consumer = receiver.await("consuming the malformed message", EXPORTED, span -> span.traceId().equals(trace));
        assertEquals(consumer.spanId(), deadLettered.getString("span_id"), "a line written inside a span names that span");
    }

    private void publish(String event, String traceparent) throws Exception {
        try (Stomp stomp = Stomp.connect("127.0.0.1", BROKER_PORT)) {
            stomp.sendText("payments.events", event, Map.of("traceparent", traceparent));
        }
    }

    private void awaitRead(String path, String token) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (api.get(path, token).status() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("read model never held " + path);
            }
            Thread.sleep(100);
        }
    }

    private ServiceStub.Call awaitCall(UUID payment) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (stub.callsFor(payment).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the payments service was never called for " + payment);
            }
            Thread.sleep(100);
        }
        ServiceStub.Call call = stub.callsFor(payment).get(0);
        assertNotNull(call.traceparent(), "no traceparent sent to the payments service");
        return call;
    }

    private JsonObject awaitLine(String what, java.util.function.Predicate<JsonObject> matching) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Optional<JsonObject> found = jar.output().lines().filter(line -> line.startsWith("{"))
                    .map(TracingIT::json).flatMap(Optional::stream).filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no log line with " + what + " in:\n" + jar.output());
            }
            Thread.sleep(200);
        }
    }

    private static Optional<JsonObject> json(String line) {
        try {
            return Optional.of(Json.createReader(new StringReader(line)).readObject());
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
