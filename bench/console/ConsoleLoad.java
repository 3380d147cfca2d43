import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * bench/console: console users at a fixed rate, as an open loop. Request k is due at start + k / rate and goes to
 * case k mod n whether or not earlier ones have answered, and its time runs from when it was due until its whole
 * page has arrived, so a slow server cannot slow down the load that measures it (no coordinated omission). It first
 * runs untimed for the warm-up seconds (its own JIT compiles then, not during what it measures), creates the ready
 * file, and measures until the stop file exists; then it appends "status seconds due" per request to each case's
 * file (due: seconds from the start of measuring).
 *   java bench/console/ConsoleLoad.java <base url> <curl cookie jar> <requests/s> <warm-up s> <ready file> <stop file> <file>=<path> ...
 */
public class ConsoleLoad {

    record Case(Path file, URI uri, ConcurrentLinkedQueue<String> results) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String cookies = cookieHeader(Path.of(args[1]));
        double rate = Double.parseDouble(args[2]);
        long warmNanos = (long) (Double.parseDouble(args[3]) * 1e9);
        Path ready = Path.of(args[4]);
        Path stop = Path.of(args[5]);
        List<Case> cases = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            int split = args[i].indexOf('=');
            cases.add(new Case(Path.of(args[i].substring(0, split)), URI.create(base + args[i].substring(split + 1)),
                    new ConcurrentLinkedQueue<>()));
        }
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<?>> requests = new ArrayList<>();
        long start = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        boolean measuring = false;
        long[] measuredFrom = {Long.MAX_VALUE};
        for (long k = 0; !measuring || !Files.exists(stop); k++) {
            long due = start + k * intervalNanos;
            if (!measuring && due - start >= warmNanos) {
                measuring = true;
                measuredFrom[0] = due;
                Files.createFile(ready);
            }
            boolean timed = measuring;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Case target = cases.get((int) (k % cases.size()));
            HttpRequest request = HttpRequest.newBuilder(target.uri()).header("Cookie", cookies)
                    .timeout(Duration.ofSeconds(30)).build();
            CompletableFuture<?> answered = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .handle((response, failure) -> timed && target.results().add((failure == null ? response.statusCode() : 0)
                            + " " + (System.nanoTime() - due) / 1e9 + " " + (due - measuredFrom[0]) / 1e9));
            if (timed) {
                requests.add(answered);
            }
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (Case target : cases) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(target.file(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                target.results().forEach(out::println);
            }
        }
        System.exit(0);
    }

    /** The cookies of curl's cookie jar (tab-separated; "#HttpOnly_" marks a cookie, any other "#" a comment). */
    static String cookieHeader(Path jar) throws IOException {
        List<String> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(jar)) {
            String entry = line.startsWith("#HttpOnly_") ? line.substring("#HttpOnly_".length()) : line;
            String[] fields = entry.split("\t");
            if (!entry.startsWith("#") && fields.length >= 7) {
                pairs.add(fields[5] + "=" + fields[6]);
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no cookie in " + jar + ": log in first");
        }
        return String.join("; ", pairs);
    }
}
