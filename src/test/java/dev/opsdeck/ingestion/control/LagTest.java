package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LagTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void lagIsTheTimeFromOccurredAtToNow() {
        assertEquals(Duration.ofMillis(1500), Lag.between(NOW.minusMillis(1500), NOW));
    }

    @Test
    void anEventAheadOfTheClockHasNoLag() {
        assertEquals(Duration.ZERO, Lag.between(NOW.plusSeconds(5), NOW));
        assertEquals(Duration.ZERO, Lag.between(Instant.parse("+999999999-12-31T23:59:59Z"), NOW));
        assertEquals(Duration.ZERO, Lag.between(Instant.MAX, Instant.MIN));
    }

    @Test
    void theLagOfAnyInstantIsCappedSoItsMillisAndNanosFitInALong() {
        Duration lag = Lag.between(Instant.MIN, Instant.MAX);
        assertEquals(Lag.MAX, lag);
        assertEquals(Lag.MAX.toMillis(), lag.toMillis());
        assertTrue(lag.toNanos() > 0);
        assertEquals(Lag.MAX, Lag.between(Instant.parse("-999999999-01-01T00:00:00Z"), NOW));
    }

    @Test
    void statisticsKeepAFiniteLagWhateverTheOccurredAt() {
        IngestionStatistics statistics = new IngestionStatistics(Clock.fixed(NOW, ZoneOffset.UTC));
        statistics.record(Stream.ACCOUNTS, Outcome.UNKNOWN, Instant.MIN);
        assertEquals(Lag.MAX.toMillis(), statistics.figures(Stream.ACCOUNTS).lag().toMillis());
        statistics.record(Stream.ACCOUNTS, Outcome.UNKNOWN, Instant.MAX);
        assertEquals(0, statistics.figures(Stream.ACCOUNTS).lag().toMillis());
    }
}
