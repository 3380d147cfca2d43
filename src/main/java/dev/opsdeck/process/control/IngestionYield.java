package dev.opsdeck.process.control;

import dev.opsdeck.monitoring.control.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Ingestion lets console and API requests go first: before each batch, once requests have been reading the database
 * for {@code after} without a break ({@link InteractiveRequests}), the writer waits for them, so that their queries do
 * not share the database's cores with its writes; quicker requests do not hold a batch. Two bounds keep every event
 * moving: one pause lasts at most {@code maxPause}, and pauses take at most {@code maxPercent} of the writer's time, as
 * a credit that fills at that share of the time passing (up to one pause) and that each pause spends. A pause only
 * delays when a batch starts, never what it writes.
 */
public class IngestionYield {

    private static final long WINDOW_SECONDS = 60;

    private final InteractiveRequests requests;
    private final long afterNanos;
    private final long maxPauseNanos;
    private final double share;
    private final LongSupplier nanoTime;
    private final long[] yieldedPerSecond = new long[(int) WINDOW_SECONDS];
    private final long[] secondOfSlot = new long[(int) WINDOW_SECONDS];
    private long credit;
    private long creditAt;
    private long pauses;
    private long yieldedNanos;
    private volatile long lastPauseEndNanos = Long.MIN_VALUE;
    private volatile Timer pausesTimer;

    public IngestionYield(InteractiveRequests requests, Duration maxPause, int maxPercent, LongSupplier nanoTime) {
        this(requests, Duration.ZERO, maxPause, maxPercent, nanoTime);
    }

    /** Yields only once requests have been in flight for {@code after} without a break: quick ones never wait for it. */
    public IngestionYield(InteractiveRequests requests, Duration after, Duration maxPause, int maxPercent, LongSupplier nanoTime) {
        if (after.isNegative()) {
            throw new IllegalArgumentException("ingestion.yield.after-ms must be 0 or more, was " + after.toMillis());
        }
        if (maxPause.isNegative()) {
            throw new IllegalArgumentException("ingestion.yield.max-pause-ms must be 0 or more, was " + maxPause.toMillis());
        }
        if (maxPercent < 0 || maxPercent > 90) {
            throw new IllegalArgumentException("ingestion.yield.max-percent must be 0 to 90, was " + maxPercent);
        }
        this.requests = requests;
        this.afterNanos = after.toNanos();
        this.maxPauseNanos = maxPause.toNanos();
        this.share = maxPercent / 100.0;
        this.nanoTime = nanoTime;
        this.creditAt = nanoTime.getAsLong();
        this.credit = maxPauseNanos;
    }

    /** No yielding: the writer starts every batch at once. */
    public static IngestionYield never() {
        return new IngestionYield(new InteractiveRequests(), Duration.ZERO, 0, System::nanoTime);
    }

    /** Called by a writer before it takes a batch; returns how long it waited. Interruption ends the wait at once. */
    public long beforeBatch() {
        if (maxPauseNanos == 0 || share == 0 || requests.inFlight() == 0 || requests.busyNanos() < afterNanos) {
            return 0;
        }
        long allowed = allowance();
        if (allowed <= 0) {
            return 0;
        }
        long start = nanoTime.getAsLong();
        try {
            requests.awaitNone(allowed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long end = nanoTime.getAsLong();
        spent(Math.min(allowed, end - start), end);
        return end - start;
    }

    private synchronized long allowance() {
        long now = nanoTime.getAsLong();
        credit = Math.min(maxPauseNanos, credit + (long) ((now - creditAt) * share));
        creditAt = now;
        return credit;
    }

    private synchronized void spent(long nanos, long now) {
        credit -= nanos;
        pauses++;
        yieldedNanos += nanos;
        long second = Math.floorDiv(now, 1_000_000_000L);
        int slot = (int) Math.floorMod(second, WINDOW_SECONDS);
        if (secondOfSlot[slot] != second) {
            secondOfSlot[slot] = second;
            yieldedPerSecond[slot] = 0;
        }
        yieldedPerSecond[slot] += nanos;
        lastPauseEndNanos = now;
        Timer timer = pausesTimer;
        if (timer != null) {
            timer.update(Duration.ofNanos(nanos));
        }
    }

    /**
     * Shows the yielding in /metrics: each pause in a timer (its count the pauses, its sum the seconds yielded, both
     * counters that add up across instances), and the share of the last minute.
     */
    public void registerIn(MetricRegistry registry) {
        pausesTimer = Timers.timer(registry, Metadata.builder().withName("opsdeck.ingestion.yield")
                .withDescription("Pauses of the ingestion writer waiting for console and API requests before a batch")
                .withUnit(MetricUnits.SECONDS).build());
        registry.gauge(Metadata.builder().withName("opsdeck.ingestion.yield.share")
                .withDescription("Share (0 to 1) of the last minute the ingestion writer spent waiting for console and API requests").build(),
                this, y -> y.figures().lastMinute());
    }

    /** How much ingestion has yielded: in all, and over the last minute as a share of it. */
    public synchronized Figures figures() {
        long now = nanoTime.getAsLong();
        long second = Math.floorDiv(now, 1_000_000_000L);
        long lastMinute = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (second - secondOfSlot[i] < WINDOW_SECONDS && secondOfSlot[i] <= second) {
                lastMinute += yieldedPerSecond[i];
            }
        }
        Duration sinceLast = lastPauseEndNanos == Long.MIN_VALUE ? null : Duration.ofNanos(now - lastPauseEndNanos);
        return new Figures(pauses, Duration.ofNanos(yieldedNanos), lastMinute / (WINDOW_SECONDS * 1e9),
                sinceLast == null ? null : Instant.now().minus(sinceLast), maxPauseNanos > 0 && share > 0);
    }

    /**
     * @param pauses        pauses in all since the start
     * @param yielded       their time together
     * @param lastMinute    share of the last minute spent yielding, 0 to 1
     * @param lastPauseAt   when the last pause ended, null if none yet
     * @param on            whether this instance yields at all
     */
    public record Figures(long pauses, Duration yielded, double lastMinute, Instant lastPauseAt, boolean on) {

        /** One line for the dashboard, e.g. "yielding now: 12% of the last minute (340 pauses, 4.1 s in all, the last 2 s ago)". */
        public String summary(Instant now) {
            if (!on) {
                return "off (ingestion.yield.max-percent or ingestion.yield.max-pause-ms is 0)";
            }
            if (pauses == 0) {
                return "not needed yet";
            }
            long ago = Math.max(0, Duration.between(lastPauseAt, now).toSeconds());
            return String.format(java.util.Locale.ROOT, "%s %.0f%% of the last minute (%,d pauses, %.1f s in all, the last %d s ago)",
                    ago < 5 ? "yielding now:" : "yielded", lastMinute * 100, pauses, yielded.toMillis() / 1000.0, ago);
        }
    }
}
