package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.ingestion.control.DeadLettersIT.Row;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.QueueDepth;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.FailingDatabases;
import dev.opsdeck.testing.JmsMessages;
import dev.opsdeck.testing.NoMetrics;
import jakarta.jms.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One delivery through the real parser, writer and dead-letter store on both databases: what becomes a dead letter
 * at once, what is retried, and that no message can fail the same way on every delivery.
 */
class EventIngestionIT {

    private static final int ATTEMPTS = 3;
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private DataSource dataSource;
    private ReadModelWriter writer;
    private IngestionStatistics statistics;

    private EventIngestion open(String database) throws Exception {
        dataSource = database.equals("postgresql") ? Databases.freshPostgres() : Databases.freshH2();
        return ingestion(dataSource, dataSource);
    }

    private EventIngestion ingestion(DataSource readModels, DataSource deadLetters) {
        Clock clock = Clock.systemUTC();
        ReadModelStatements statements = dataSource.getClass().getName().contains("postgresql")
                ? ReadModelStatements.POSTGRESQL : ReadModelStatements.H2;
        writer = new ReadModelWriter(readModels, statements, 1, 64, clock, Executors.defaultThreadFactory(), size -> { });
        statistics = new IngestionStatistics(clock);
        return new EventIngestion(new EventParser(65_536, clock, Duration.ofDays(1)), writer, new DeadLetters(deadLetters, clock),
                statistics, new IngestionMetrics(NoMetrics.registry(), () -> 0L, stream -> QueueDepth.unavailable("not under test")),
                new RetryPolicy(ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(2)), clock);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (writer != null) {
            writer.close();
        }
    }

    private static String account(UUID account) {
        return Events.account(UUID.randomUUID(), "account.created", account, 100, "active", 1L, T0);
    }

    private static Message text(String body, int delivery) {
        return JmsMessages.text(body, new JmsMessages.Spec().deliveryCount(delivery));
    }

    private List<Row> deadLetters() throws Exception {
        return DeadLettersIT.rows(dataSource);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void anEventFromTheFarFutureIsOneDeadLetterAndLeavesAFiniteLag(String database) throws Exception {
        EventIngestion ingestion = open(database);
        String merged = """
                {"id":"%s","type":"account.merged","source":"accounts","occurred_at":"+999999999-12-31T23:59:59Z","payload":{}}"""
                .formatted(UUID.randomUUID());
        assertEquals(Outcome.DEAD_LETTERED, ingestion.ingest(Stream.ACCOUNTS, text(merged, 1)));
        assertEquals(Outcome.DEAD_LETTERED, ingestion.ingest(Stream.ACCOUNTS, text(merged, 2)));
        List<Row> letters = deadLetters();
        assertEquals(1, letters.size());
        assertEquals("malformed: occurred_at: more than 86400 s in the future: +999999999-12-31T23:59:59Z", letters.get(0).reason());
        assertTrue(statistics.figures(Stream.ACCOUNTS).lag().toMillis() >= 0);
        assertEquals(0, statistics.count(Stream.ACCOUNTS, Outcome.UNKNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aMalformedMessageWithHeadersOverTheColumnIsOneDeadLetter(String database) throws Exception {
        EventIngestion ingestion = open(database);
        JmsMessages.Spec spec = new JmsMessages.Spec().deliveryCount(1);
        for (int i = 0; i < 12; i++) {
            spec.property("x-padding-" + i, "p".repeat(1000));
        }
        assertEquals(Outcome.DEAD_LETTERED, ingestion.ingest(Stream.ACCOUNTS, JmsMessages.text("not json", spec)));
        Row letter = deadLetters().get(0);
        assertTrue(letter.reason().startsWith("malformed: not JSON"), letter.reason());
        assertTrue(letter.headers().length() <= 8000 && letter.headers().contains("\"_truncated\":"), letter.headers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void anOversizedMessageIsADeadLetterOfItsPrefixSizeAndHash(String database) throws Exception {
        EventIngestion ingestion = open(database);
        long size = 3L << 20;
        JmsMessages.Spec spec = new JmsMessages.Spec().deliveryCount(1);
        Message message = JmsMessages.bytes(size, i -> (byte) 'z', spec);
        assertEquals(Outcome.DEAD_LETTERED, ingestion.ingest(Stream.PAYMENTS, message));
        Row letter = deadLetters().get(0);
        assertEquals("oversized: body has " + size + " bytes, at most 65536 are accepted", letter.reason());
        assertEquals(MessageBody.PREFIX_BYTES, letter.body().length);
        assertEquals(size, letter.bodySize());
        assertEquals(MessageBody.prefixOf("z".repeat((int) size)).sha256(), letter.bodySha256());
        assertTrue(spec.largestRead() <= 8192);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void anUnexpectedExceptionIsADeadLetterNamingIt(String database) throws Exception {
        EventIngestion ingestion = open(database);
        Message message = JmsMessages.text("{}", new JmsMessages.Spec().deliveryCount(1)
                .failingWith(new IllegalStateException("provider lost the body")));
        assertEquals(Outcome.DEAD_LETTERED, ingestion.ingest(Stream.ACCOUNTS, message));
        assertEquals("unexpected failure: java.lang.IllegalStateException: provider lost the body", deadLetters().get(0).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aDatabaseDownOrALockTimeoutIsRetriedAndOnlyDeadLetteredWhenTheAttemptsAreSpent(String database) throws Exception {
        open(database);
        writer.close();
        for (String state : List.of("08001", "55P03", "HYT00")) {
            EventIngestion ingestion = ingestion(FailingDatabases.down(state), dataSource);
            String event = account(UUID.randomUUID());
            EventIngestion.RetryLater retry = assertThrows(EventIngestion.RetryLater.class,
                    () -> ingestion.ingest(Stream.ACCOUNTS, text(event, 1)));
            assertTrue(retry.getMessage().contains("(SQL state " + state + ")"), retry.getMessage());
            assertThrows(EventIngestion.RetryLater.class, () -> ingestion.ingest(Stream.ACCOUNTS, text(event, ATTEMPTS - 1)));
            assertEquals(0, deadLetters().size(), "not a dead letter while attempts are left");
            assertEquals(2, statistics.count(Stream.ACCOUNTS, Outcome.RETRIED));

            assertEquals(Outcome.DEAD_LETTERED, ingestion.ingest(Stream.ACCOUNTS, text(event, ATTEMPTS)));
            Row letter = deadLetters().get(0);
            assertTrue(letter.reason().startsWith("transient failure, 3 attempts spent: database unavailable or busy (SQL state "
                    + state + ")"), letter.reason());
            writer.close();
            try (var c = dataSource.getConnection()) {
                c.createStatement().executeUpdate("DELETE FROM dead_letter");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aDataErrorIsADeadLetterAtOnce(String database) throws Exception {
        open(database);
        writer.close();
        EventIngestion ingestion = ingestion(FailingDatabases.refusing(dataSource, "processed_event", "22003", 10), dataSource);
        assertEquals(Outcome.DEAD_LETTERED, ingestion.ingest(Stream.ACCOUNTS, text(account(UUID.randomUUID()), 1)));
        assertTrue(deadLetters().get(0).reason().startsWith("rejected by the database: data error (SQL state 22003)"),
                deadLetters().get(0).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aMessageWhoseDeadLetterCannotBeStoredWhileTheDatabaseIsDownComesBack(String database) throws Exception {
        open(database);
        writer.close();
        EventIngestion ingestion = ingestion(dataSource, FailingDatabases.down("08001"));
        EventIngestion.RetryLater retry = assertThrows(EventIngestion.RetryLater.class,
                () -> ingestion.ingest(Stream.ACCOUNTS, text("not json", 1)));
        assertTrue(retry.getMessage().startsWith("dead letter not stored"), retry.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aDeadLetterTheDatabaseRefusesIsStoredWithoutItsHeaders(String database) throws Exception {
        open(database);
        writer.close();
        EventIngestion ingestion = ingestion(dataSource, FailingDatabases.refusing(dataSource, "INSERT INTO dead_letter", "22001", 1));
        assertEquals(Outcome.DEAD_LETTERED, ingestion.ingest(Stream.ACCOUNTS, text("not json", 1)));
        Row letter = deadLetters().get(0);
        assertTrue(letter.reason().startsWith("malformed: not JSON"), letter.reason());
        assertTrue(letter.reason().contains("(stored without its headers, which the database refused: refused by the test (22001))"),
                letter.reason());
        assertEquals("{}", letter.headers());
    }
}
