import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * bench/console: publishes N fresh account.created events for one owner over STOMP (4 connections, a receipt every
 * 500 sends), as a Go service's burst would, so that a backlog drains while the console is measured. Or pauses and
 * resumes deliveries from a queue (Artemis management over STOMP; the embedded broker without login), so that a
 * backlog can wait in the broker first, as after an outage.
 *   java bench/console/Backlog.java <stomp port> <events> <owner uuid>
 *   java bench/console/Backlog.java <stomp port> pause|resume <queue>
 */
public class Backlog {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        if (args[1].equals("pause") || args[1].equals("resume")) {
            manage(port, args[2], args[1]);
            return;
        }
        int events = Integer.parseInt(args[1]);
        UUID owner = UUID.fromString(args[2]);
        int connections = 4;
        List<Thread> publishers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int share = events / connections + (c < events % connections ? 1 : 0);
            Thread publisher = new Thread(() -> {
                try {
                    publish(port, share, owner);
                } catch (IOException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            publisher.start();
            publishers.add(publisher);
        }
        for (Thread publisher : publishers) {
            publisher.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("publishing failed: " + failures);
        }
    }

    static void publish(int port, int events, UUID owner) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            InputStream in = socket.getInputStream();
            frame(out, "CONNECT\naccept-version:1.2\nhost:localhost\n\n", null);
            out.flush();
            readFrame(in);
            for (int n = 1; n <= events; n++) {
                String now = Instant.now().toString();
                String body = ("{\"id\":\"%s\",\"type\":\"account.created\",\"source\":\"accounts\",\"occurred_at\":\"%s\",\"payload\":"
                        + "{\"account_id\":\"%s\",\"owner_id\":\"%s\",\"currency\":\"EUR\",\"balance_cents\":%d,\"status\":\"active\","
                        + "\"created_at\":\"%s\",\"updated_at\":\"%s\",\"version\":1}}")
                        .formatted(UUID.randomUUID(), now, UUID.randomUUID(), owner, n * 100L, now, now);
                boolean receipt = n % 500 == 0 || n == events;
                frame(out, "SEND\ndestination:accounts.events\ndestination-type:MULTICAST\npersistent:true\n"
                        + (receipt ? "receipt:r" + n + "\n" : "") + "\n", body.getBytes(StandardCharsets.UTF_8));
                if (receipt) {
                    out.flush();
                    String reply = readFrame(in);
                    if (!reply.startsWith("RECEIPT")) {
                        throw new IOException("send refused: " + reply);
                    }
                }
            }
        }
    }

    static void manage(int port, String queue, String operation) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            frame(out, "CONNECT\naccept-version:1.2\nhost:localhost\n\n", null);
            readFrame(in);
            frame(out, "SEND\ndestination:activemq.management\ndestination-type:ANYCAST\n_AMQ_ResourceName:queue." + queue
                    + "\n_AMQ_OperationName:" + operation + "\nreceipt:m\n\n", "[]".getBytes(StandardCharsets.UTF_8));
            String reply = readFrame(in);
            if (!reply.startsWith("RECEIPT")) {
                throw new IOException(operation + " refused: " + reply);
            }
            frame(out, "DISCONNECT\n\n", null);
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
        while ((b = in.read()) != -1 && b != 0) {
            frame.write(b);
        }
        if (b == -1) {
            throw new IOException("connection closed by the broker");
        }
        return frame.toString(StandardCharsets.UTF_8).replaceFirst("^\n+", "");
    }
}
