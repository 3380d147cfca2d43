package dev.opsdeck.ingestion.control;

import java.time.Duration;
import java.time.Instant;

/**
 * End-to-end lag: from an event's occurred_at to now, never negative (a publisher's clock ahead of ours is no lag)
 * and at most {@link #MAX}, so that any Instant gives a lag whose milliseconds and nanoseconds fit in a long.
 */
public final class Lag {

    public static final Duration MAX = Duration.ofDays(100L * 366);

    private Lag() {
    }

    public static Duration between(Instant occurredAt, Instant now) {
        // Duration.between itself cannot overflow for any two Instants; toMillis and toNanos of its result can
        Duration lag = Duration.between(occurredAt, now);
        if (lag.isNegative()) {
            return Duration.ZERO;
        }
        return lag.compareTo(MAX) > 0 ? MAX : lag;
    }
}
