package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.ingestion.control.IngestionStatistics.StreamFigures;
import dev.opsdeck.ingestion.entity.QueueDepth;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestionAlarmsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final IngestionAlarms alarms = new IngestionAlarms(Duration.ofSeconds(60), Duration.ofSeconds(120));

    private static StreamFigures figures(Duration lag, Instant lastEvent, double lastHour) {
        return new StreamFigures(Map.of(), 0, lastHour, lag, lastEvent);
    }

    @Test
    void quietStreamWithAnEmptyQueueIsFine() {
        assertEquals(Optional.empty(), alarms.alarm(figures(Duration.ZERO, null, 0), NOW.minusSeconds(3600),
                QueueDepth.counted(0, 10_000), NOW));
    }

    @Test
    void messagesWaitingWithNothingAppliedPastTheThresholdIsStalled() {
        String alarm = alarms.alarm(figures(Duration.ofSeconds(1), NOW.minusSeconds(300), 1), NOW.minusSeconds(121),
                QueueDepth.counted(12_000, 10_000), NOW).orElseThrow();
        assertEquals("Stalled: 10,000+ messages wait in the queue but nothing was applied for 121 s (threshold 120 s)", alarm);
    }

    @Test
    void messagesWaitingWhileEventsAreAppliedIsNotStalled() {
        assertEquals(Optional.empty(), alarms.alarm(figures(Duration.ofSeconds(1), NOW, 5), NOW.minusSeconds(2),
                QueueDepth.counted(500, 10_000), NOW));
    }

    @Test
    void lagPastItsThresholdIsLagging() {
        String alarm = alarms.alarm(figures(Duration.ofSeconds(61), NOW, 5), NOW, QueueDepth.counted(0, 10_000), NOW)
                .orElseThrow();
        assertEquals("Lagging: the last event was applied 61 s after it occurred (threshold 60 s)", alarm);
    }

    @Test
    void withoutAQueueDepthSilenceAfterTrafficIsPossiblyStalled() {
        String alarm = alarms.alarm(figures(Duration.ZERO, NOW.minusSeconds(200), 0.5), NOW.minusSeconds(200),
                QueueDepth.unavailable("broker down"), NOW).orElseThrow();
        assertTrue(alarm.startsWith("Possibly stalled: no event for 200 s"), alarm);
        assertTrue(alarm.contains("broker down"), alarm);
    }
}
