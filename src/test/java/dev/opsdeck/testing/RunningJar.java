package dev.opsdeck.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** target/opsdeck.jar as a separate process, with only the environment a test gives it. */
public final class RunningJar implements AutoCloseable {

    private static final List<String> INHERITED_SETTINGS = List.of("DB_URL", "DB_USER", "DB_PASSWORD", "DB_MIGRATION_USER", "DB_MIGRATION_PASSWORD",
            "SERVICE_API_TOKENS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "MP_CONFIG_PROFILE",
            "DB_LOCK_TIMEOUT_MS", "INGESTION_RETRY_INITIAL_DELAY_MS", "REPORTS_DIR", "PAYMENTS_SERVICE_URL",
            "PAYMENTS_SERVICE_TOKEN", "ACCOUNTS_SERVICE_URL", "ACCOUNTS_SERVICE_TOKEN", "ACTIONS_DEADLINE_MS",
            "ACTIONS_FOUR_EYES_THRESHOLD_CENTS");

    private final Process process;
    private final Path output;
    private final int port;

    private RunningJar(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * What one instance of a several-instance test needs: the shared PostgreSQL database, a data directory and broker
     * port of its own, the tests' service token, JWT key and first admin password.
     */
    public static Map<String, String> instanceOn(String dbUrl, Path work, String instance, int brokerPort) throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("DB_URL", dbUrl);
        env.put("DB_USER", "postgres");
        env.put("OPSDECK_DATA_DIR", Files.createDirectories(work.resolve(instance)).toString());
        env.put("BROKER_PORT", String.valueOf(brokerPort));
        env.put("SERVICE_API_TOKENS", Tokens.NEW_SERVICE_TOKEN);
        env.put("MP_JWT_VERIFY_PUBLICKEY", Tokens.read("jwt/public.pem"));
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        env.put("OPSDECK_ADMIN_PASSWORD", Browser.ADMIN_PASSWORD);
        return env;
    }

    public static RunningJar start(Map<String, String> environment, int port) throws IOException {
        Path output = Files.createTempFile("opsdeck-jar-", ".log");
        // C1 only: a start then takes about 40% less CPU, and the tests run many starts on two cores
        ProcessBuilder builder = new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-jar", System.getProperty("opsdeck.jar"),
                "--port", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        INHERITED_SETTINGS.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        return new RunningJar(builder.start(), output, port);
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                // Payara reports the health of a started application a moment before it maps its context root.
                HttpResponse<Void> mapped = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/info")).build(), HttpResponse.BodyHandlers.discarding());
                // an instance without the api role answers 404 there, naming its roles
                boolean apiMapped = mapped.statusCode() == 401 || mapped.headers().firstValue("Opsdeck-Roles").isPresent();
                if (ready.statusCode() == 200 && apiMapped) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within " + timeout + "; its errors first:\n" + errors() + "\nits whole output:\n" + output());
    }

    /** The SEVERE log lines, so that a failure report cut short still shows why the deployment failed. */
    private String errors() {
        return output().lines().filter(line -> line.contains("\"SEVERE\"") || line.contains("[SEVERE]"))
                .map(line -> line.length() > 4000 ? line.substring(0, 4000) + "..." : line)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /**
     * Waits until every thread of the process whose OS name (the first 15 characters of its Java name) starts with
     * {@code name} (a regular expression) runs at {@code nice}, and at least one does; reads /proc, so Linux only.
     */
    public void awaitThreadsAtNice(String name, int nice, Duration timeout) throws IOException, InterruptedException {
        Pattern prefix = Pattern.compile(name);
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Integer> seen = Map.of();
        while (Instant.now().isBefore(deadline)) {
            seen = niceOfThreads(prefix);
            if (!seen.isEmpty() && seen.values().stream().allMatch(value -> value == nice)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("threads " + name + "… not all at nice " + nice + " within " + timeout + ": " + seen);
    }

    /** Nice value by thread id and OS name, of the threads whose OS name starts with {@code prefix}. */
    private Map<String, Integer> niceOfThreads(Pattern prefix) throws IOException {
        Map<String, Integer> nice = new TreeMap<>();
        try (var threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    if (prefix.matcher(name).lookingAt()) {
                        nice.put(thread.getFileName() + " " + name, ThreadNice.of(thread));
                    }
                } catch (NoSuchFileException ended) {
                    // the thread ended while we looked
                }
            }
        }
        return nice;
    }

    /** SIGTERM without waiting, as an orchestrator stops a container; see {@link #awaitExit}. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook, no clean broker or database close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
