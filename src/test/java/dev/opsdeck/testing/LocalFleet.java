package dev.opsdeck.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The fleet that {@code deploy/local/fleet} starts (two Artemis nodes, Opsdeck instances, HAProxy), driven through
 * that script as a user would, with the key=value lines it prints.
 */
public final class LocalFleet implements AutoCloseable {

    private final Path script;
    private final Map<String, String> environment;
    private final Path dir;
    private final Map<String, String> printed = new ConcurrentHashMap<>();

    private LocalFleet(Path script, Map<String, String> environment, Path dir) {
        this.script = script;
        this.environment = environment;
        this.dir = dir;
    }

    /**
     * @param environment the instances' settings plus the script's own (FLEET_BASE_PORT, FLEET_BROKER_PORT, DB_URL, ...)
     */
    public static LocalFleet up(Path root, Path dir, int instances, Map<String, String> environment) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put("FLEET_DIR", dir.toString());
        LocalFleet fleet = new LocalFleet(root.resolve("deploy/local/fleet"), Map.copyOf(env), dir);
        try {
            fleet.run(Duration.ofMinutes(15), "up", String.valueOf(instances));
        } catch (Exception | AssertionError e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    private void run(Duration timeout, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("fleet-out-", ".txt");
        Path err = Files.createTempFile("fleet-err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("fleet " + String.join(" ", arguments) + " did not return within " + timeout
                    + ":\n" + Files.readString(err));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("fleet " + String.join(" ", arguments) + " exited with " + process.exitValue()
                    + ":\n" + Files.readString(err) + tailOfLogs());
        }
        for (String line : Files.readAllLines(out)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                printed.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }

    private String tailOfLogs() throws IOException {
        StringBuilder tails = new StringBuilder();
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                tails.append("\n--- ").append(log.getFileName()).append(" (last lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        }
        return tails.toString();
    }

    public String get(String key) {
        String value = printed.get(key);
        if (value == null) {
            throw new AssertionError("fleet printed no " + key + "=; it printed " + printed.keySet());
        }
        return value;
    }

    public String consoleUrl() {
        return get("console_url");
    }

    public String instanceUrl(int i) {
        return get("instance_" + i + "_url");
    }

    public int brokerPort(int j) {
        String url = get("broker_" + j + "_url");
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    public String brokerUser() {
        return get("broker_user");
    }

    public String brokerPassword() {
        return get("broker_password");
    }

    public Path dir() {
        return dir;
    }

    /** SIGKILL: no shutdown hook, no clean close of the journal, the database or the broker connections. */
    public void killInstance(int i) throws Exception {
        kill(Long.parseLong(get("instance_" + i + "_pid")));
    }

    public void killBroker(int j) throws Exception {
        kill(Long.parseLong(get("broker_" + j + "_pid")));
    }

    public boolean instanceAlive(int i) {
        return ProcessHandle.of(Long.parseLong(get("instance_" + i + "_pid"))).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void kill(long pid) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    /** Starts instances up to n that are not running yet, on the same brokers and database. */
    public void upTo(int n) throws Exception {
        run(Duration.ofMinutes(15), "up", String.valueOf(n));
    }

    public void startInstance(int i) throws Exception {
        run(Duration.ofMinutes(10), "start", "instance", String.valueOf(i));
    }

    public void startBroker(int j) throws Exception {
        run(Duration.ofMinutes(5), "start", "broker", String.valueOf(j));
    }

    /** Each queue's message count on node j, through the broker's management ({@code artemis queue stat}). */
    public Map<String, Long> queueMessages(int j) throws Exception {
        return queueStat(j, "messageCount");
    }

    public Map<String, Long> queueConsumers(int j) throws Exception {
        return queueStat(j, "consumerCount");
    }

    /** Messages the broker itself gave up on (sent to a dead-letter address) or expired, per queue. */
    public Map<String, Long> queueKilledOrExpired(int j) throws Exception {
        Map<String, Long> killed = queueStat(j, "messagesKilled");
        queueStat(j, "messagesExpired").forEach((queue, expired) -> killed.merge(queue, expired, Long::sum));
        return killed;
    }

    private Map<String, Long> queueStat(int j, String field) throws Exception {
        Path home = Path.of(environment.get("ARTEMIS_HOME"));
        Path out = Files.createTempFile("queue-stat-", ".json");
        Process process = new ProcessBuilder("bash", home.resolve("bin/artemis").toString(), "queue", "stat", "--json",
                "--silent", "--url", "tcp://127.0.0.1:" + brokerPort(j), "--user", brokerUser(), "--password", brokerPassword(),
                "--maxRows", "1000").redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()).start();
        String output;
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("artemis queue stat on node " + j + " failed:\n" + Files.readString(out));
            }
            output = Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
        int json = output.indexOf('{');
        if (json < 0) {
            throw new AssertionError("artemis queue stat on node " + j + " printed no JSON:\n" + output);
        }
        Map<String, Long> values = new HashMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(output.substring(json)))) {
            for (JsonObject queue : reader.readObject().getJsonArray("data").getValuesAs(JsonObject.class)) {
                values.put(queue.getString("name"), Long.parseLong(queue.getString(field)));
            }
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        run(Duration.ofMinutes(5), "down");
    }
}
