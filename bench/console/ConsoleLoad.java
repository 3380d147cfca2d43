import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * bench/console: console users at a fixed rate, as an open loop. Request k is due at start + k / rate and goes to
 * case k mod n whether or not earlier ones have answered, and its time runs from when it was due until its whole
 * page has arrived, so a slow server cannot slow down the load that measures it (no coordinated omission). It first
 * runs untimed for the warm-up seconds (its own JIT compiles then, not during what it measures), creates the ready
 * file, and measures until the stop file exists; then it appends "status seconds due" per request to each case's
 * file (due: seconds from the start of measuring).
 *   java bench/console/ConsoleLoad.java <base url> <curl cookie jar> <requests/s> <warm-up s> <ready file> <stop file> <file>=<path> ...
 * With --warm it requests the paths round after round, two at a time, until it has sent that many, and prints how long
 * that took: a service's first thousands of requests are compiled by the JIT as they come.
 *   java bench/console/ConsoleLoad.java --warm <requests> <base url> <curl cookie jar> <path> ...
 * It speaks HTTP/1.1 on keep-alive sockets itself, as a browser does, rather than through java.net.http, whose
 * bookkeeping costs a few milliseconds of CPU per request: this client shares the service's cores, and what it takes
 * there a real console user's browser, on a machine of its own, would not.
 */
public class ConsoleLoad {

    /** Connections, so that requests due while others are slow go out on time: far more than 20 requests/s need. */
    private static final int CONNECTIONS = 16;

    record Case(Path file, String path, ConcurrentLinkedQueue<String> results) {
    }

    record Due(Case target, long nanos, boolean timed) {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--warm")) {
            warm(Long.parseLong(args[1]), URI.create(args[2]), cookieHeader(Path.of(args[3])), List.of(args).subList(4, args.length));
            return;
        }
        URI base = URI.create(args[0]);
        String cookies = cookieHeader(Path.of(args[1]));
        double rate = Double.parseDouble(args[2]);
        long warmNanos = (long) (Double.parseDouble(args[3]) * 1e9);
        Path ready = Path.of(args[4]);
        Path stop = Path.of(args[5]);
        List<Case> cases = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            int split = args[i].indexOf('=');
            cases.add(new Case(Path.of(args[i].substring(0, split)), args[i].substring(split + 1), new ConcurrentLinkedQueue<>()));
        }
        BlockingQueue<Due> queue = new LinkedBlockingQueue<>();
        long[] measuredFrom = {Long.MAX_VALUE};
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread worker = new Thread(() -> {
                Connection connection = new Connection(base, cookies);
                try {
                    for (Due due = queue.take(); due.target() != null; due = queue.take()) {
                        int status = connection.get(due.target().path());
                        if (due.timed()) {
                            due.target().results().add(status + " " + (System.nanoTime() - due.nanos()) / 1e9 + " "
                                    + (due.nanos() - measuredFrom[0]) / 1e9);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    connection.close();
                    done.countDown();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        long start = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        boolean measuring = false;
        for (long k = 0; !measuring || !Files.exists(stop); k++) {
            long due = start + k * intervalNanos;
            if (!measuring && due - start >= warmNanos) {
                measuring = true;
                measuredFrom[0] = due;
                Files.createFile(ready);
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            queue.add(new Due(cases.get((int) (k % cases.size())), due, measuring));
        }
        for (int c = 0; c < CONNECTIONS; c++) {
            queue.add(new Due(null, 0, false));
        }
        done.await();
        for (Case target : cases) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(target.file(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                target.results().forEach(out::println);
            }
        }
    }

    /** Closed loop: two connections request the paths in turn until {@code requests} have answered. */
    static void warm(long requests, URI base, String cookies, List<String> paths) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Thread worker = new Thread(() -> {
                Connection connection = new Connection(base, cookies);
                for (long k = next.getAndIncrement(); k < requests; k = next.getAndIncrement()) {
                    connection.get(paths.get((int) (k % paths.size())));
                }
                connection.close();
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf(Locale.ROOT, "%d requests in %.1f s%n", requests, (System.nanoTime() - start) / 1e9);
    }

    /** One keep-alive HTTP/1.1 connection; reconnects when the server closes it. Answers 0 for a request that failed. */
    static final class Connection {

        private final URI base;
        private final String cookies;
        private final byte[] skip = new byte[64 * 1024];
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI base, String cookies) {
            this.base = base;
            this.cookies = cookies;
        }

        int get(String path) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
                    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                    out = socket.getOutputStream();
                }
                out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nCookie: " + cookies + "\r\nAccept: text/html\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String statusLine = line();
                int status = Integer.parseInt(statusLine.split(" ")[1]);
                long length = -1;
                boolean chunked = false;
                boolean closes = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                    String value = header.substring(header.indexOf(':') + 1).trim();
                    switch (name) {
                        case "content-length" -> length = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                        case "connection" -> closes = value.equalsIgnoreCase("close");
                        default -> { }
                    }
                }
                if (chunked) {
                    for (long size = chunkSize(); size > 0; size = chunkSize()) {
                        skip(size);
                        line();
                    }
                    while (!line().isEmpty()) {
                        // trailers
                    }
                } else if (length >= 0) {
                    skip(length);
                } else {
                    while (in.read(skip) >= 0) {
                        // the body ends with the connection
                    }
                    closes = true;
                }
                if (closes) {
                    close();
                }
                return status;
            } catch (IOException | RuntimeException e) {
                close();
                return 0;
            }
        }

        private long chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                int read = in.read(skip, 0, (int) Math.min(skip.length, bytes));
                if (read < 0) {
                    throw new EOFException("the answer ended early");
                }
                bytes -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
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
