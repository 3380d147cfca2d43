package dev.opsdeck.testing;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes over STOMP to both broker nodes in turn, as a Go service with two broker addresses would: a send whose
 * receipt does not come (its node went away) is sent again to the other node, so a message may be stored twice,
 * never lost. Not thread-safe: one per publishing thread.
 */
public final class FleetPublisher implements AutoCloseable {

    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final List<Integer> ports;
    private final String user;
    private final String password;
    private final Stomp[] connections;
    private final AtomicLong failovers;
    private int next;

    public FleetPublisher(List<Integer> ports, String user, String password, AtomicLong failovers) {
        this.ports = List.copyOf(ports);
        this.user = user;
        this.password = password;
        this.connections = new Stomp[ports.size()];
        this.failovers = failovers;
    }

    public void publish(FleetStream.Message message) throws InterruptedException {
        Instant deadline = Instant.now().plus(GIVE_UP);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            int node = next;
            next = (next + 1) % ports.size();
            try {
                connection(node).sendText(message.address(), message.body(), Map.of());
                return;
            } catch (IOException e) {
                last = e;
                failovers.incrementAndGet();
                drop(node);
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no broker node took a message within " + GIVE_UP + ": " + last);
    }

    private Stomp connection(int node) throws IOException {
        if (connections[node] == null) {
            connections[node] = Stomp.connect("127.0.0.1", ports.get(node), user, password);
        }
        return connections[node];
    }

    private void drop(int node) {
        if (connections[node] != null) {
            try {
                connections[node].close();
            } catch (IOException alreadyGone) {
                // the node is down; the connection is being discarded anyway
            }
            connections[node] = null;
        }
    }

    @Override
    public void close() {
        for (int node = 0; node < connections.length; node++) {
            drop(node);
        }
    }
}
