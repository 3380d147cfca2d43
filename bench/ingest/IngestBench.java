import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/ingest: publishes N events over STOMP (as a Go service would) with 5% duplicates and 5% out-of-order
 * updates, measures until the read models hold the final state, checks every row through the API against
 * the state folded from the events, and prints events_per_s, mismatches and the p99 event-to-visible latency.
 */
public class IngestBench {

    record Version(UUID eventId, String type, String aggregate, long version, String body) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int events = Integer.parseInt(options.getOrDefault("events", "200000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "0"));
        String stompHost = options.getOrDefault("stomp-host", "127.0.0.1");
        int stompPort = Integer.parseInt(options.getOrDefault("stomp-port", "61616"));
        String api = options.getOrDefault("api", "http://127.0.0.1:8080");
        String token = options.getOrDefault("token", System.getenv("BENCH_TOKEN"));
        int publishers = Integer.parseInt(options.getOrDefault("publishers", "4"));
        Random random = new Random(20261122L);
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> expected = new HashMap<>();

        long settledBefore = 0;
        if (warmup > 0) {
            // Other aggregates than the measured ones, checked at the end like them: they only let the JIT settle.
            List<Version> first = generate(warmup, random, expected);
            long warmupStart = System.nanoTime();
            publishAll(stompHost, stompPort, first, publishers);
            settledBefore = awaitSettled(http, api, token, first.size());
            System.out.printf("warmup_events=%d warmup_events_per_s=%.0f%n", first.size(),
                    first.size() / ((System.nanoTime() - warmupStart) / 1e9));
        }
        List<Version> stream = generate(events, random, expected);
        System.out.printf("events=%d publishers=%d%n", stream.size(), publishers);
        long servicePid = Long.parseLong(options.getOrDefault("service-pid", "-1"));
        CpuTime cpuBefore = CpuTime.now(servicePid);
        long start = System.nanoTime();
        double publishSeconds = publishAll(stompHost, stompPort, stream, publishers);
        awaitSettled(http, api, token, settledBefore + stream.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuTime cpu = CpuTime.now(servicePid).minus(cpuBefore);
        System.out.printf("publish_s=%.1f total_s=%.1f%n", publishSeconds, seconds);
        System.out.printf("events_per_s=%.0f%n", stream.size() / seconds);
        System.out.printf("cpu_us_per_event service=%.0f postgres=%.0f bench=%.0f machine_busy=%.0f%%%n",
                cpu.service() / stream.size(), cpu.postgres() / stream.size(), cpu.bench() / stream.size(),
                100 * (cpu.service() + cpu.postgres() + cpu.bench()) / (seconds * 1e6 * Runtime.getRuntime().availableProcessors()));
        Map<String, String> actual = readAll(http, api, token);
        int mismatches = 0;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) {
                mismatches++;
            }
        }
        mismatches += Math.max(0, actual.size() - expected.size());
        System.out.printf("rows_checked=%d mismatches=%d%n", expected.size(), mismatches);
        System.out.printf("p99_event_to_visible_ms=%s%n", p99Lag(http, api));
        System.out.printf("mean_events_per_commit=%s%n", meanBatch(http, api));
        System.out.printf("idle_event_to_visible_ms=%s%n", idleLatency(stompHost, stompPort, http, api, token, 20));
        if (mismatches > 0) {
            System.exit(1);
        }
    }

    /**
     * With the queues empty: publishes one new account at a time and polls the API until it shows, as a newcomer
     * trying one event would; the median and the slowest of n, in milliseconds.
     */
    static String idleLatency(String host, int port, HttpClient http, String api, String token, int n) throws Exception {
        List<Double> millis = new ArrayList<>();
        Map<String, String> ignored = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Version created = generate(1, new Random(i), ignored).get(0);
            String id = created.aggregate().substring(2);
            long start = System.nanoTime();
            publish(host, port, List.of(created));
            HttpRequest get = HttpRequest.newBuilder(URI.create(api + "/api/v1/" + (created.type().startsWith("account") ? "accounts/" : "payments/") + id))
                    .header("Authorization", "Bearer " + token).build();
            while (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IOException(id + " not visible after 30 s");
                }
                Thread.sleep(5);
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return "median:%.0f max:%.0f".formatted(millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    }

    /**
     * CPU time in microseconds of the service, of every PostgreSQL process and of this program, so that a run
     * also says what each event cost, a figure that varies less than throughput when the machine's speed does.
     */
    record CpuTime(double service, double postgres, double bench) {

        static CpuTime now(long servicePid) {
            double service = ProcessHandle.of(servicePid).map(CpuTime::micros).orElse(Double.NaN);
            double postgres = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .mapToDouble(CpuTime::micros).sum();
            return new CpuTime(service, postgres, micros(ProcessHandle.current()));
        }

        static double micros(ProcessHandle process) {
            return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e3).orElse(0.0);
        }

        CpuTime minus(CpuTime before) {
            return new CpuTime(service - before.service, postgres - before.postgres, bench - before.bench);
        }
    }

    /** N events over new aggregates (5 versions each on average, a third accounts), shuffled and duplicated; their final state goes into expected. */
    static List<Version> generate(int events, Random random, Map<String, String> expected) {
        int accountCount = Math.max(1, events / 15);
        int paymentCount = Math.max(1, events * 2 / 15);
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            accounts.add(UUID.randomUUID());
        }
        List<UUID> payments = new ArrayList<>();
        for (int i = 0; i < paymentCount; i++) {
            payments.add(UUID.randomUUID());
        }
        Map<String, Long> nextVersion = new HashMap<>();
        List<Version> stream = new ArrayList<>(events);
        Instant created = Instant.parse("2026-11-01T00:00:00Z");
        int unique = (int) Math.round(events / 1.05);
        for (int i = 0; i < unique; i++) {
            boolean account = random.nextInt(3) == 0;
            UUID id = account ? accounts.get(random.nextInt(accountCount)) : payments.get(random.nextInt(paymentCount));
            String key = (account ? "a:" : "p:") + id;
            long version = nextVersion.merge(key, 1L, Long::sum);
            Instant updated = created.plusSeconds(version);
            long amount = random.nextInt(2_000_000) - (account ? 1_000_000 : 0);
            String status = account ? (version % 7 == 0 ? "frozen" : "active") : (version % 5 == 0 ? "refunded" : "settled");
            String payload = account
                    ? "\"account_id\":\"%s\",\"owner_id\":\"%s\",\"currency\":\"EUR\",\"balance_cents\":%d,\"status\":\"%s\",\"created_at\":\"%s\",\"updated_at\":\"%s\",\"version\":%d"
                            .formatted(id, new UUID(id.getLeastSignificantBits(), id.getMostSignificantBits()), amount, status, created, updated, version)
                    : "\"payment_id\":\"%s\",\"account_id\":\"%s\",\"amount_cents\":%d,\"currency\":\"USD\",\"status\":\"%s\",\"created_at\":\"%s\",\"updated_at\":\"%s\",\"version\":%d"
                            .formatted(id, accounts.get(Math.abs(id.hashCode()) % accountCount), Math.abs(amount), status, created, updated, version);
            String type = (account ? "account." : "payment.") + (version == 1 ? "created" : "updated");
            UUID eventId = UUID.randomUUID();
            stream.add(new Version(eventId, type, key, version, payload));
            expected.put(key, account ? amount + "|" + status + "|" + version : Math.abs(amount) + "|" + status + "|" + version);
        }
        // 5% out of order: swap with an earlier neighbour; 5% duplicates: the same event again, later.
        for (int i = 1; i < stream.size(); i++) {
            if (random.nextInt(100) < 5) {
                Collections.swap(stream, i, i - 1 - random.nextInt(Math.min(i, 50)));
            }
        }
        while (stream.size() < events) {
            int at = random.nextInt(stream.size());
            stream.add(Math.min(stream.size(), at + 1 + random.nextInt(100)), stream.get(at));
        }
        return stream;
    }

    /** Publishes the stream over several STOMP connections at once; the seconds it took. */
    static double publishAll(String host, int port, List<Version> stream, int publishers) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        List<Future<?>> sent = new ArrayList<>();
        int slice = (stream.size() + publishers - 1) / publishers;
        for (int p = 0; p < publishers; p++) {
            List<Version> part = stream.subList(Math.min(stream.size(), p * slice), Math.min(stream.size(), (p + 1) * slice));
            sent.add(pool.submit(() -> publish(host, port, part)));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Every delivery ends in exactly one outcome, so the read models are final when the outcomes add up. */
    static long awaitSettled(HttpClient http, String api, String token, long outcomes) throws Exception {
        long deadline = System.nanoTime() + 900_000_000_000L;
        long settled;
        while ((settled = settled(http, api, token)) < outcomes) {
            if (System.nanoTime() > deadline) {
                System.out.println("timed out waiting for the final state");
                break;
            }
            // Each poll costs the service a database query and a few milliseconds of CPU; 200 ms keeps that off the
            // measured figure and still ends the timing within 0.5% of a run of 40 s.
            Thread.sleep(200);
        }
        return settled;
    }

    static void publish(String host, int port, List<Version> events) {
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            InputStream in = socket.getInputStream();
            frame(out, "CONNECT\naccept-version:1.2\nhost:localhost\n\n", null);
            out.flush();
            readFrame(in);
            int n = 0;
            for (Version v : events) {
                String body = "{\"id\":\"%s\",\"type\":\"%s\",\"source\":\"bench\",\"occurred_at\":\"%s\",\"payload\":{%s}}"
                        .formatted(v.eventId(), v.type(), Instant.now(), v.body());
                String address = v.type().startsWith("account") ? "accounts.events" : "payments.events";
                boolean receipt = ++n % 500 == 0 || n == events.size();
                frame(out, "SEND\ndestination:" + address + "\ndestination-type:MULTICAST\npersistent:true\n"
                        + (receipt ? "receipt:r" + n + "\n" : "") + "\n", body.getBytes(StandardCharsets.UTF_8));
                if (receipt) {
                    out.flush();
                    String reply = readFrame(in);
                    if (!reply.startsWith("RECEIPT")) {
                        throw new IOException("send refused: " + reply);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void frame(OutputStream out, String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.write(body);
        }
        out.write(0);
    }

    static String readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == 0) {
                String text = frame.toString(StandardCharsets.UTF_8).stripLeading();
                if (!text.isEmpty()) {
                    return text;
                }
                frame.reset();
            } else {
                frame.write(b);
            }
        }
        throw new IOException("connection closed");
    }

    static final Pattern ACCOUNT = Pattern.compile("\\{\"account_id\":\"([^\"]+)\",\"balance_cents\":(-?\\d+),[^}]*?\"status\":\"([^\"]+)\",[^}]*?\"version\":(\\d+)");
    static final Pattern PAYMENT = Pattern.compile("\\{\"account_id\":\"[^\"]+\",\"amount_cents\":(\\d+),[^}]*?\"payment_id\":\"([^\"]+)\",\"status\":\"([^\"]+)\",[^}]*?\"version\":(\\d+)");
    static final Pattern NEXT = Pattern.compile("\"next_cursor\":\"([^\"]+)\"");

    static Map<String, String> readAll(HttpClient http, String api, String token) throws Exception {
        Map<String, String> rows = new HashMap<>();
        for (String kind : List.of("accounts", "payments")) {
            String cursor = null;
            do {
                String url = api + "/api/v1/" + kind + "?limit=500" + (cursor == null ? "" : "&cursor=" + cursor);
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200) {
                    throw new IOException(url + " answered " + page.statusCode() + ": " + page.body());
                }
                Matcher m = (kind.equals("accounts") ? ACCOUNT : PAYMENT).matcher(page.body());
                while (m.find()) {
                    if (kind.equals("accounts")) {
                        rows.put("a:" + m.group(1), m.group(2) + "|" + m.group(3) + "|" + m.group(4));
                    } else {
                        rows.put("p:" + m.group(2), m.group(1) + "|" + m.group(3) + "|" + m.group(4));
                    }
                }
                Matcher next = NEXT.matcher(page.body());
                cursor = next.find() ? next.group(1) : null;
            } while (cursor != null);
        }
        return rows;
    }

    static final Pattern OUTCOME = Pattern.compile("\"(applied|duplicate|stale|unknown|dead_lettered)\":(\\d+)");

    static long settled(HttpClient http, String api, String token) throws Exception {
        String status = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/ingestion/status"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        // the fleet's totals come first; each instance's own figures follow under "instances" and are not added again
        int instances = status.indexOf("\"instances\"");
        long settled = 0;
        Matcher m = OUTCOME.matcher(instances < 0 ? status : status.substring(0, instances));
        while (m.find()) {
            settled += Long.parseLong(m.group(2));
        }
        return settled;
    }

    /** Over the whole run, warm-up included: how many events the group-commit writer applied per transaction. */
    static String meanBatch(HttpClient http, String api) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(api + "/metrics?scope=application")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher sum = Pattern.compile("(?m)^opsdeck_ingestion_writer_batch_events_sum\\{[^}]*\\} ([0-9.E+-]+)").matcher(metrics);
        Matcher count = Pattern.compile("(?m)^opsdeck_ingestion_writer_batch_events_count\\{[^}]*\\} ([0-9.E+-]+)").matcher(metrics);
        return sum.find() && count.find()
                ? "%.1f".formatted(Double.parseDouble(sum.group(1)) / Double.parseDouble(count.group(1)))
                : "unknown";
    }

    /** Per stream, the upper bound of the lag histogram's bucket that holds the 99th percentile, in milliseconds. */
    static String p99Lag(HttpClient http, String api) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(api + "/metrics?scope=application")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder lag = new StringBuilder();
        for (String stream : new String[]{"accounts", "payments"}) {
            Matcher count = Pattern.compile("(?m)^opsdeck_ingestion_lag_seconds_count\\{[^}]*stream=\"" + stream + "\"[^}]*\\} ([0-9.E+-]+)").matcher(metrics);
            if (!count.find() || Double.parseDouble(count.group(1)) == 0) {
                continue;
            }
            double wanted = 0.99 * Double.parseDouble(count.group(1));
            Matcher bucket = Pattern.compile("(?m)^opsdeck_ingestion_lag_seconds_bucket\\{[^}]*stream=\"" + stream + "\"[^}]*le=\"([^\"]+)\"[^}]*\\} ([0-9.E+-]+)").matcher(metrics);
            while (bucket.find()) {
                if (Double.parseDouble(bucket.group(2)) >= wanted) {
                    String le = bucket.group(1);
                    lag.append(lag.isEmpty() ? "" : " ").append(stream).append(":<=")
                            .append(le.equals("+Inf") ? "inf" : String.valueOf(Math.round(Double.parseDouble(le) * 1000)));
                    break;
                }
            }
        }
        return lag.isEmpty() ? "unknown" : lag.toString();
    }
}
