package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.opsdeck.ingestion.control.FleetFigures.InstanceFigures;
import dev.opsdeck.ingestion.control.FleetFigures.State;
import dev.opsdeck.ingestion.control.IngestionStatistics.StreamFigures;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetFiguresTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static InstanceFigures instance(String name, State state, long applied, double rate, Duration lag, Instant lastEvent,
                                            Instant lastApplied) {
        Map<Stream, StreamFigures> streams = new EnumMap<>(Stream.class);
        Map<Stream, Instant> applies = new EnumMap<>(Stream.class);
        for (Stream stream : Stream.values()) {
            Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
            outcomes.put(Outcome.APPLIED, applied);
            outcomes.put(Outcome.RETRIED, 1L);
            streams.put(stream, new StreamFigures(outcomes, rate, rate / 2, lag, lastEvent));
            applies.put(stream, lastApplied);
        }
        return new InstanceFigures(name, "1", "console,api,ingestion,scheduler", T, T, null, state, streams, applies);
    }

    @Test
    void totalsAddLiveInstancesCountsAndRatesAndTakeTheLagOfTheNewestEvent() {
        FleetFigures fleet = FleetFigures.of(List.of(
                instance("a", State.LIVE, 10, 2.0, Duration.ofSeconds(1), T.minusSeconds(5), T.minusSeconds(5)),
                instance("b", State.LIVE, 5, 3.0, Duration.ofSeconds(9), T.minusSeconds(1), T.minusSeconds(30)),
                instance("c", State.STALE, 1_000, 100.0, Duration.ofHours(1), T, T),
                instance("d", State.STOPPED, 1_000, 100.0, Duration.ofHours(1), T, T)));

        StreamFigures payments = fleet.totals().get(Stream.PAYMENTS);
        assertEquals(15L, payments.outcomes().get(Outcome.APPLIED));
        assertEquals(2L, payments.outcomes().get(Outcome.RETRIED));
        assertEquals(0L, payments.outcomes().get(Outcome.DUPLICATE));
        assertEquals(5.0, payments.eventsPerSecondNow());
        assertEquals(2.5, payments.eventsPerSecondLastHour());
        assertEquals(Duration.ofSeconds(9), payments.lag());
        assertEquals(T.minusSeconds(1), payments.lastEventAt());
        assertEquals(T.minusSeconds(5), fleet.lastAppliedOrStart().get(Stream.PAYMENTS), "the latest apply of any live instance");
        assertEquals(2, fleet.live());
        assertEquals(4, fleet.instances().size());
    }

    @Test
    void aFleetWithoutLiveInstancesHasZeroTotalsAndNoLastEvent() {
        FleetFigures fleet = FleetFigures.of(List.of(instance("c", State.STALE, 7, 1.0, Duration.ofSeconds(3), T, T)));

        assertEquals(0L, fleet.totals().get(Stream.ACCOUNTS).outcomes().get(Outcome.APPLIED));
        assertNull(fleet.totals().get(Stream.ACCOUNTS).lastEventAt());
        assertNull(fleet.lastAppliedOrStart().get(Stream.ACCOUNTS));
        assertEquals(0, fleet.live());
    }
}
