package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.opsdeck.ingestion.control.FleetFigures.InstanceFigures;
import dev.opsdeck.ingestion.control.FleetFigures.State;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.testing.Databases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Heartbeat rows on PostgreSQL and H2: every instance's figures readable by any, summed over the live ones. */
class HeartbeatsIT {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration STALE = Duration.ofSeconds(20);
    private static final Duration FORGET = Duration.ofHours(1);

    private static DataSource open(String database) throws Exception {
        return database.equals("h2") ? Databases.freshH2() : Databases.freshPostgres();
    }

    private static IngestionStatistics statistics(int applied, int duplicates, Instant at) {
        IngestionStatistics statistics = new IngestionStatistics(Clock.fixed(at, ZoneOffset.UTC));
        for (int i = 0; i < applied; i++) {
            statistics.record(Stream.PAYMENTS, Outcome.APPLIED, at.minusSeconds(2));
        }
        for (int i = 0; i < duplicates; i++) {
            statistics.record(Stream.ACCOUNTS, Outcome.DUPLICATE, at.minusSeconds(1));
        }
        return statistics;
    }

    private static Map<String, InstanceFigures> byName(FleetFigures fleet) {
        return fleet.instances().stream().collect(Collectors.toMap(InstanceFigures::name, Function.identity()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void eachInstanceSeesEveryInstanceAndTheSumOfTheLiveOnes(String database) throws Exception {
        DataSource dataSource = open(database);
        Heartbeats a = new Heartbeats(dataSource, "a", "1.0", "console,api,ingestion,scheduler", STALE, FORGET);
        Heartbeats b = new Heartbeats(dataSource, "b", "1.0", "console,api,ingestion,scheduler", STALE, FORGET);
        Heartbeats c = new Heartbeats(dataSource, "c", "0.9", "ingestion", STALE, FORGET);
        IngestionStatistics aFigures = statistics(3, 1, START);
        a.beat(aFigures, START.plusSeconds(5));
        a.beat(aFigures, START.plusSeconds(10));
        b.beat(statistics(4, 2, START), START.plusSeconds(10));
        c.beat(statistics(100, 0, START), START.minusSeconds(60));

        FleetFigures fromB = b.fleet(statistics(5, 2, START), START.plusSeconds(12));

        Map<String, InstanceFigures> instances = byName(fromB);
        assertEquals(3, instances.size());
        assertEquals(State.LIVE, instances.get("a").state());
        assertEquals(START.plusSeconds(10), instances.get("a").heartbeatAt());
        assertEquals(START, instances.get("a").startedAt());
        assertEquals(3L, instances.get("a").streams().get(Stream.PAYMENTS).outcomes().get(Outcome.APPLIED));
        assertEquals(5L, instances.get("b").streams().get(Stream.PAYMENTS).outcomes().get(Outcome.APPLIED),
                "the reading instance's own figures are those of this moment, not of its last heartbeat");
        assertEquals(State.STALE, instances.get("c").state());
        assertEquals("0.9", instances.get("c").version());
        assertEquals("ingestion", instances.get("c").roles(), "each instance's roles travel with its heartbeat");
        assertEquals(8L, fromB.totals().get(Stream.PAYMENTS).outcomes().get(Outcome.APPLIED), "a and b; c is stale");
        assertEquals(3L, fromB.totals().get(Stream.ACCOUNTS).outcomes().get(Outcome.DUPLICATE));
        assertEquals(Duration.ofSeconds(2), fromB.totals().get(Stream.PAYMENTS).lag());
        assertEquals(2, fromB.live());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aStoppedInstanceIsShownStoppedAndASilentOneIsForgotten(String database) throws Exception {
        DataSource dataSource = open(database);
        Heartbeats a = new Heartbeats(dataSource, "a", "1.0", "console,api,ingestion,scheduler", STALE, FORGET);
        Heartbeats b = new Heartbeats(dataSource, "b", "1.0", "console,api,ingestion,scheduler", STALE, FORGET);
        Heartbeats c = new Heartbeats(dataSource, "c", "1.0", "console,api,ingestion,scheduler", STALE, FORGET);
        a.stopped(statistics(1, 0, START), START.plusSeconds(5));
        c.beat(statistics(1, 0, START), START.minus(FORGET).minusSeconds(1));
        b.beat(statistics(0, 0, START), START.plusSeconds(6));

        Map<String, InstanceFigures> instances = byName(b.fleet(statistics(0, 0, START), START.plusSeconds(7)));

        assertEquals(State.STOPPED, instances.get("a").state());
        assertEquals(START.plusSeconds(5), instances.get("a").stoppedAt());
        assertNull(instances.get("c"), "a heartbeat older than the forget period is deleted by the next beat");
        assertEquals(2, instances.size());
    }
}
