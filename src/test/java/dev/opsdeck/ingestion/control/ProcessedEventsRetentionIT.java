package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.testing.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The purge of old processed-event ids, on the real databases: it keeps the table small and the read models right. */
class ProcessedEventsRetentionIT {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private DataSource dataSource;

    private DataSource open(String database) throws Exception {
        dataSource = database.equals("postgresql") ? Databases.freshPostgres() : Databases.freshH2();
        return dataSource;
    }

    /** Applies each event through the real writer, with the writer's clock at the given time of processing. */
    private List<Outcome> applyAt(Instant processedAt, String database, List<Event> events) throws Exception {
        ReadModelStatements statements = database.equals("postgresql") ? ReadModelStatements.POSTGRESQL : ReadModelStatements.H2;
        ReadModelWriter writer = new ReadModelWriter(dataSource, statements, 1, 64, Clock.fixed(processedAt, ZoneOffset.UTC),
                Executors.defaultThreadFactory(), size -> { });
        try {
            List<Outcome> outcomes = new ArrayList<>();
            for (Event event : events) {
                outcomes.add(writer.submit(Stream.ACCOUNTS, event).get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            writer.close();
        }
    }

    private long processedIds() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet count = c.createStatement().executeQuery("SELECT COUNT(*) FROM processed_event")) {
            count.next();
            return count.getLong(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void deletesInChunksOnlyTheIdsProcessedBeforeTheRetention(String database) throws Exception {
        open(database);
        List<Event> old = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            old.add(ReadModelWriterIT.account(UUID.randomUUID(), UUID.randomUUID(), 100, 1L, 1));
        }
        applyAt(NOW.minus(Duration.ofHours(169)), database, old);
        applyAt(NOW.minus(Duration.ofHours(167)),
                database, List.of(ReadModelWriterIT.account(UUID.randomUUID(), UUID.randomUUID(), 100, 1L, 1)));
        assertEquals(8, processedIds());

        ProcessedEventsRetention retention = new ProcessedEventsRetention(dataSource, 168, 3);
        assertEquals(NOW.minus(Duration.ofHours(168)), retention.cutoff(NOW));
        assertEquals(7, retention.purge(NOW), "7 old ids in chunks of 3, 3 and 1");
        assertEquals(1, processedIds(), "the id inside the retention is kept");
        assertEquals(0, retention.purge(NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aRedeliveryOfAPurgedEventOrAnOlderOneChangesNothing(String database) throws Exception {
        open(database);
        UUID account = UUID.randomUUID();
        Event older = ReadModelWriterIT.account(UUID.randomUUID(), account, 100, 1L, 1);
        Event newer = ReadModelWriterIT.account(UUID.randomUUID(), account, 200, 2L, 2);
        applyAt(NOW.minus(Duration.ofDays(30)), database, List.of(older, newer));
        assertEquals(2, new ProcessedEventsRetention(dataSource, 168, 10_000).purge(NOW));

        List<Outcome> redelivered = applyAt(NOW, database, List.of(older, newer));
        assertEquals(List.of(Outcome.STALE, Outcome.STALE), redelivered);
        assertEquals(200, ReadModelWriterIT.balance(dataSource, account));
    }

    @Test
    void aRetentionUnderOneHourIsRefusedWithTheKeyThatSetsIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ProcessedEventsRetention(null, 0, 10_000));
        assertTrue(refused.getMessage().contains("ingestion.processed-events.retention-hours must be at least 1, was 0"),
                refused.getMessage());
    }
}
