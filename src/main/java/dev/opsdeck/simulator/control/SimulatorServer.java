package dev.opsdeck.simulator.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payments and accounts services' REST API (GO-SERVICES.md) over the JDK's HTTP server: the bearer token and
 * an Idempotency-Key are required, and a key seen before gets the answer it got then, without acting again.
 * {@code /simulator/switches} reads and sets the misbehaviour switches (slow, failing, conflict).
 */
public class SimulatorServer implements AutoCloseable {

    private static final Pattern CALL = Pattern.compile("/v1/(payments|accounts)/([0-9a-fA-F-]{36})/(refund|freeze|unfreeze)");

    private final HttpServer server;
    private final SimulatedWorld world;
    private final String token;
    private final Clock clock;
    private final Map<String, SimulatedWorld.Answer> answers = new ConcurrentHashMap<>();
    private volatile SimulatorSwitches switches;

    public SimulatorServer(int port, String token, SimulatedWorld world, SimulatorSwitches switches, ExecutorService threads,
                           Clock clock) throws IOException {
        this.world = world;
        this.token = token;
        this.clock = clock;
        this.switches = switches;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(threads);
        server.createContext("/v1/", this::call);
        server.createContext("/simulator/switches", this::switches);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimulatorSwitches switches() {
        return switches;
    }

    private void call(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher path = CALL.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
                send(exchange, error(404, "no such call"));
                return;
            }
            if (!authorized(exchange)) {
                send(exchange, error(401, "Authorization: Bearer <token> is required"));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!isUuid(key)) {
                send(exchange, error(422, "Idempotency-Key: a UUID is required"));
                return;
            }
            if (!body.contains("\"reason\"") || !body.contains("\"requested_by\"")) {
                send(exchange, error(422, "reason and requested_by are required"));
                return;
            }
            SimulatorSwitches now = switches;
            if (now.slowMs() > 0) {
                Thread.sleep(now.slowMs());
            }
            if (now.failing()) {
                send(exchange, error(503, "simulated outage of the " + path.group(1) + " service"));
                return;
            }
            UUID target = UUID.fromString(path.group(2));
            SimulatedWorld.Answer answer = answers.computeIfAbsent(path.group(1) + "/" + key, k -> now.conflict()
                    ? error(409, "simulated conflict: " + path.group(3) + " of " + target + " refused")
                    : act(path.group(3), target));
            send(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SimulatedWorld.Answer act(String action, UUID target) {
        switch (action) {
            case "refund":
                return world.refund(target, clock.instant());
            case "freeze":
                return world.freeze(target, true, clock.instant());
            default:
                return world.freeze(target, false, clock.instant());
        }
    }

    private void switches(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                send(exchange, error(401, "Authorization: Bearer <token> is required"));
                return;
            }
            if ("POST".equals(exchange.getRequestMethod())) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                SimulatorSwitches current = switches;
                try {
                    switches = new SimulatorSwitches(
                            query.containsKey("slow_ms") ? Math.max(0, Long.parseLong(query.get("slow_ms"))) : current.slowMs(),
                            query.containsKey("failing") ? Boolean.parseBoolean(query.get("failing")) : current.failing(),
                            query.containsKey("conflict") ? Boolean.parseBoolean(query.get("conflict")) : current.conflict());
                } catch (NumberFormatException e) {
                    send(exchange, error(422, "slow_ms: a number of milliseconds is required"));
                    return;
                }
            }
            send(exchange, new SimulatedWorld.Answer(200, switches.toJson()));
        }
    }

    private boolean authorized(HttpExchange exchange) {
        return ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static boolean isUuid(String key) {
        try {
            return key != null && UUID.fromString(key).toString().equalsIgnoreCase(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "true");
            }
        }
        return values;
    }

    private static SimulatedWorld.Answer error(int status, String message) {
        return new SimulatedWorld.Answer(status, "{\"message\":\"" + message.replace("\"", "'") + "\"}");
    }

    private static void send(HttpExchange exchange, SimulatedWorld.Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException callerGone) {
            // the caller stopped waiting (its deadline); the answer stays kept for its key
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
