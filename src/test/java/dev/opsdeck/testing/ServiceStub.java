package dev.opsdeck.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Go services' REST API as GO-SERVICES.md describes it, for integration tests: checks the bearer token and
 * Idempotency-Key, answers the same key with the same answer and acts once per key. Each target can be told to
 * answer slowly, fail with 5xx or refuse with 409. It binds the port the server under test is configured with.
 */
public final class ServiceStub implements AutoCloseable {

    public static final String PAYMENTS_TOKEN = "it-payments-service-token";
    public static final String ACCOUNTS_TOKEN = "it-accounts-service-token";
    private static final Pattern PATH = Pattern.compile("/v1/(payments|accounts)/([0-9a-f-]{36})/(refund|freeze|unfreeze)");

    public enum Behaviour { OK, SLOW_FIRST, FAIL, CONFLICT }

    public record Call(String path, UUID target, String idempotencyKey, String authorization, String body, String traceparent) {
    }

    private record Answer(int status, String body) {
    }

    private final int port;
    private HttpServer server;
    private ExecutorService threads;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<UUID, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> acted = new ConcurrentHashMap<>();
    private volatile Duration slowness = Duration.ofSeconds(4);

    private ServiceStub(int port) throws IOException {
        this.port = port;
        listen();
    }

    private void listen() throws IOException {
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** As a crashed service: the port refuses connections and calls in flight are cut without an answer. */
    public void kill() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** The service back after {@link #kill()}, remembering the keys it answered as a real one would. */
    public void restart() throws IOException {
        listen();
    }

    public static ServiceStub start() throws IOException {
        return new ServiceStub(Integer.getInteger("it.stub.port", 18990));
    }

    public void behave(UUID target, Behaviour behaviour) {
        behaviours.put(target, behaviour);
    }

    public List<Call> callsFor(UUID target) {
        return calls.stream().filter(call -> call.target().equals(target)).toList();
    }

    public int actedOn(UUID target) {
        return acted.getOrDefault(target, 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
                send(exchange, new Answer(404, "{\"message\":\"no such call\"}"));
                return;
            }
            UUID target = UUID.fromString(path.group(2));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            calls.add(new Call(exchange.getRequestURI().getPath(), target, key, authorization, body,
                    exchange.getRequestHeaders().getFirst("traceparent")));
            String token = path.group(1).equals("payments") ? PAYMENTS_TOKEN : ACCOUNTS_TOKEN;
            if (!("Bearer " + token).equals(authorization)) {
                send(exchange, new Answer(401, "{\"message\":\"bad token\"}"));
                return;
            }
            if (key == null || parse(key).isEmpty()) {
                send(exchange, new Answer(422, "{\"message\":\"Idempotency-Key must be a UUID\"}"));
                return;
            }
            if (!body.contains("\"reason\"") || !body.contains("\"requested_by\"")) {
                send(exchange, new Answer(422, "{\"message\":\"reason and requested_by are required\"}"));
                return;
            }
            Behaviour behaviour = behaviours.getOrDefault(target, Behaviour.OK);
            if (behaviour == Behaviour.FAIL) {
                send(exchange, new Answer(500, "{\"message\":\"internal error\"}"));
                return;
            }
            Answer earlier = answers.get(key);
            if (earlier != null) {
                send(exchange, earlier);
                return;
            }
            Answer answer = act(path.group(3), target, behaviour);
            answers.put(key, answer);
            if (behaviour == Behaviour.SLOW_FIRST) {
                Thread.sleep(slowness.toMillis());
            }
            send(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer act(String action, UUID target, Behaviour behaviour) {
        if (behaviour == Behaviour.CONFLICT) {
            return new Answer(409, "{\"message\":\"payment " + target + " is not refundable: a chargeback is open\"}");
        }
        acted.merge(target, 1, Integer::sum);
        return switch (action) {
            case "refund" -> new Answer(202, "{\"refund_id\":\"" + UUID.randomUUID() + "\",\"status\":\"refund_requested\"}");
            case "freeze" -> new Answer(202, "{\"status\":\"frozen\"}");
            default -> new Answer(202, "{\"status\":\"active\"}");
        };
    }

    private static Optional<UUID> parse(String key) {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the caller gave up waiting (its deadline): that is what a slow answer tests
        }
    }

    @Override
    public void close() {
        kill();
    }
}
