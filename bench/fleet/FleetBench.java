import dev.opsdeck.testing.FleetPublisher;
import dev.opsdeck.testing.FleetStream;
import dev.opsdeck.testing.LocalFleet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet of deploy/local/fleet under load: the same stream as FleetIT (duplicates, reordering, stale updates,
 * poison) at 1, 2 and 3 instances, then with 3 instances through each fault, printing events/s and the time from
 * each fault until everything published was applied. Run by bench/fleet/run.
 */
public class FleetBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int events = Integer.parseInt(options.getOrDefault("events", "200000"));
        int publishers = Integer.parseInt(options.getOrDefault("publishers", "32"));
        boolean restartPostgres = Boolean.parseBoolean(options.getOrDefault("restart-postgres", "true"));
        String dbUrl = options.get("db-url");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DB_URL", dbUrl);
        env.put("DB_USER", "postgres");
        List<FleetStream> streams = new ArrayList<>();
        try (LocalFleet fleet = LocalFleet.up(Path.of("."), Path.of(options.get("dir")).toAbsolutePath(), 1, env)) {
            for (int instances = 1; instances <= 3; instances++) {
                if (instances > 1) {
                    fleet.upTo(instances);
                }
                FleetStream stream = FleetStream.generate(events, instances);
                streams.add(stream);
                long baseline = processed(dbUrl);
                long started = System.nanoTime();
                double publishSeconds = publish(fleet, stream, publishers, () -> { });
                double seconds = awaitProcessed(dbUrl, baseline + stream.eventIds().size(), started);
                System.out.printf("instances=%d events=%d events_per_s=%.0f publish_events_per_s=%.0f%n", instances,
                        stream.eventIds().size(), stream.eventIds().size() / seconds, stream.messages().size() / publishSeconds);
            }
            List<String> faults = new ArrayList<>(List.of("instance_kill", "broker_kill"));
            if (restartPostgres) {
                faults.add("postgres_restart");
            }
            for (String fault : faults) {
                FleetStream stream = FleetStream.generate(Math.max(FleetStream.VERSIONS, events / 4), 100 + streams.size());
                streams.add(stream);
                long baseline = processed(dbUrl);
                AtomicLong faultAt = new AtomicLong();
                List<CompletableFuture<Void>> restarts = new ArrayList<>();
                publish(fleet, stream, publishers, () -> {
                    faultAt.set(System.nanoTime());
                    restarts.add(inject(fleet, fault));
                });
                double drain = awaitProcessed(dbUrl, baseline + stream.eventIds().size(), faultAt.get());
                for (CompletableFuture<Void> restart : restarts) {
                    restart.get();
                }
                System.out.printf("fault=%s events=%d drain_after_fault_s=%.1f%n", fault, stream.eventIds().size(), drain);
            }
            long wrong = 0;
            long poison = 0;
            for (FleetStream stream : streams) {
                wrong += wrongRows(dbUrl, "accounts_read", "account_id", "balance_cents", stream.accounts())
                        + wrongRows(dbUrl, "payments_read", "payment_id", "amount_cents", stream.payments());
                poison += stream.poison().size();
            }
            long left = 0;
            for (int j = 1; j <= 2; j++) {
                left += fleet.queueMessages(j).values().stream().mapToLong(Long::longValue).sum();
            }
            System.out.printf("wrong_rows=%d dead_letters=%d distinct_poison=%d messages_left_on_brokers=%d%n",
                    wrong, count(dbUrl, "SELECT count(*) FROM dead_letter"), poison, left);
        }
    }

    /** Publishes the stream from several threads, half to each node; runs the fault once half has gone out. */
    static double publish(LocalFleet fleet, FleetStream stream, int threads, Runnable atHalf) throws Exception {
        List<FleetStream.Message> messages = stream.messages();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger half = new AtomicInteger(messages.size() / 2);
        AtomicLong failovers = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                try (FleetPublisher publisher = new FleetPublisher(List.of(fleet.brokerPort(1), fleet.brokerPort(2)),
                        fleet.brokerUser(), fleet.brokerPassword(), failovers)) {
                    for (int i = next.getAndIncrement(); i < messages.size(); i = next.getAndIncrement()) {
                        if (i == half.get()) {
                            atHalf.run();
                        }
                        publisher.publish(messages.get(i));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - started) / 1e9;
    }

    static CompletableFuture<Void> inject(LocalFleet fleet, String fault) {
        try {
            switch (fault) {
                case "instance_kill" -> {
                    fleet.killInstance(2);
                    return CompletableFuture.runAsync(() -> unchecked(() -> fleet.startInstance(2)));
                }
                case "broker_kill" -> {
                    fleet.killBroker(1);
                    return CompletableFuture.runAsync(() -> unchecked(() -> {
                        Thread.sleep(5_000);
                        fleet.startBroker(1);
                    }));
                }
                default -> {
                    Process restart = new ProcessBuilder("pg_ctlcluster", "15", "main", "restart").inheritIO().start();
                    if (restart.waitFor() != 0) {
                        throw new IllegalStateException("pg_ctlcluster restart failed");
                    }
                    return CompletableFuture.completedFuture(null);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(fault + " failed", e);
        }
    }

    interface Step {
        void run() throws Exception;
    }

    static void unchecked(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double awaitProcessed(String dbUrl, long target, long sinceNanos) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (processed(dbUrl) >= target) {
                    return (System.nanoTime() - sinceNanos) / 1e9;
                }
            } catch (java.sql.SQLException restarting) {
                // PostgreSQL restarting: ask again
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not every event processed within 60 minutes: " + processed(dbUrl) + " of " + target);
    }

    static long processed(String dbUrl) throws Exception {
        return count(dbUrl, "SELECT count(*) FROM processed_event");
    }

    static long count(String dbUrl, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "");
             ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static long wrongRows(String dbUrl, String table, String key, String value, Map<UUID, FleetStream.Newest> expected)
            throws Exception {
        Map<UUID, FleetStream.Newest> actual = new HashMap<>();
        try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "");
             ResultSet rows = db.createStatement().executeQuery("SELECT " + key + ", " + value + ", version, last_event_id FROM " + table)) {
            while (rows.next()) {
                actual.put(rows.getObject(1, UUID.class), new FleetStream.Newest(rows.getLong(2), rows.getLong(3), rows.getObject(4, UUID.class)));
            }
        }
        return expected.entrySet().stream().filter(e -> !e.getValue().equals(actual.get(e.getKey()))).count();
    }
}
