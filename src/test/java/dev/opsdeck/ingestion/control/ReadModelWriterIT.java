package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsdeck.ingestion.entity.AccountState;
import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.PaymentState;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.testing.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The group-commit writer against the real databases it runs on: PostgreSQL and the embedded H2. */
class ReadModelWriterIT {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private ReadModelWriter writer;
    private DataSource dataSource;

    private void open(String database) throws Exception {
        dataSource = database.equals("postgresql") ? Databases.freshPostgres() : Databases.freshH2();
        ReadModelStatements statements = database.equals("postgresql") ? ReadModelStatements.POSTGRESQL : ReadModelStatements.H2;
        writer = new ReadModelWriter(dataSource, statements, 2, 64, Clock.systemUTC(), Executors.defaultThreadFactory(), size -> { });
    }

    @AfterEach
    void close() throws InterruptedException {
        writer.close();
    }

    static Event account(UUID eventId, UUID accountId, long balance, Long version, int minutes) {
        Instant updated = T0.plusSeconds(60L * minutes);
        return new Event(eventId, "account.updated", "accounts", updated,
                new AccountState(accountId, UUID.nameUUIDFromBytes(accountId.toString().getBytes()), "EUR", balance, "active",
                        T0, updated, version));
    }

    private Outcome apply(Event event) throws Exception {
        return writer.submit(Stream.ACCOUNTS, event).get(30, TimeUnit.SECONDS);
    }

    private long balance(UUID accountId) throws SQLException {
        return balance(dataSource, accountId);
    }

    /** The account's balance in the read model, or Long.MIN_VALUE when it has no row. */
    static long balance(DataSource dataSource, UUID accountId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var q = c.prepareStatement("SELECT balance_cents FROM accounts_read WHERE account_id = ?")) {
            q.setObject(1, accountId);
            ResultSet row = q.executeQuery();
            return row.next() ? row.getLong(1) : Long.MIN_VALUE;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void duplicateEventChangesNothing(String database) throws Exception {
        open(database);
        UUID account = UUID.randomUUID();
        Event first = account(UUID.randomUUID(), account, 100, 1L, 1);
        assertEquals(Outcome.APPLIED, apply(first));
        assertEquals(Outcome.DUPLICATE, apply(account(first.id(), account, 999, 2L, 2)));
        assertEquals(100, balance(account));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void updateBeforeCreateCreatesTheRowAndTheLateCreateKeepsTheNewerData(String database) throws Exception {
        open(database);
        UUID account = UUID.randomUUID();
        assertEquals(Outcome.APPLIED, apply(account(UUID.randomUUID(), account, 250, 2L, 2)));
        Event lateCreate = new Event(UUID.randomUUID(), "account.created", "accounts", T0,
                new AccountState(account, UUID.randomUUID(), "EUR", 0, "active", T0, T0, 1L));
        assertEquals(Outcome.STALE, apply(lateCreate));
        assertEquals(250, balance(account));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void olderUpdateAfterNewerIsStaleByVersionAndWithoutVersionsByUpdatedAt(String database) throws Exception {
        open(database);
        UUID versioned = UUID.randomUUID();
        apply(account(UUID.randomUUID(), versioned, 300, 3L, 1));
        assertEquals(Outcome.STALE, apply(account(UUID.randomUUID(), versioned, 200, 2L, 5)), "version wins over updated_at");
        assertEquals(300, balance(versioned));

        UUID unversioned = UUID.randomUUID();
        apply(account(UUID.randomUUID(), unversioned, 300, null, 3));
        assertEquals(Outcome.STALE, apply(account(UUID.randomUUID(), unversioned, 200, null, 2)));
        assertEquals(Outcome.APPLIED, apply(account(UUID.randomUUID(), unversioned, 400, null, 4)));
        assertEquals(400, balance(unversioned));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void concurrentDeliveriesOfManyVersionsEndWithTheNewest(String database) throws Exception {
        open(database);
        List<UUID> accounts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Event> events = new ArrayList<>();
        for (UUID account : accounts) {
            for (int version = 1; version <= 40; version++) {
                Event event = account(UUID.randomUUID(), account, version * 10L, (long) version, version);
                events.add(event);
                if (version % 7 == 0) {
                    events.add(event);
                }
            }
        }
        Collections.shuffle(events, new Random(42));
        var pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (Event event : events) {
            outcomes.add(CompletableFuture.supplyAsync(() -> writer.submit(Stream.ACCOUNTS, event).join(), pool));
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        pool.shutdown();
        for (UUID account : accounts) {
            assertEquals(400, balance(account));
        }
        long duplicates = outcomes.stream().filter(o -> o.join() == Outcome.DUPLICATE).count();
        assertEquals(3 * 5, duplicates);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void oneBatchHoldingSeveralVersionsOfAnAggregateAndADuplicateEndsAsIfAppliedOneByOne(String database) throws Exception {
        open(database);
        UUID account = UUID.randomUUID();
        Event v2 = account(UUID.randomUUID(), account, 200, 2L, 2);
        Event v1 = account(UUID.randomUUID(), account, 100, 1L, 1);
        Event v3 = account(UUID.randomUUID(), account, 300, 3L, 3);
        Event other = account(UUID.randomUUID(), UUID.randomUUID(), 50, 1L, 1);
        assertEquals(List.of(Outcome.APPLIED, Outcome.STALE, Outcome.APPLIED, Outcome.DUPLICATE, Outcome.APPLIED),
                writer.write(submissions(v2, v1, v3, v3, other)));
        assertEquals(300, balance(account));
        assertEquals(Outcome.STALE, apply(account(UUID.randomUUID(), account, 250, 2L, 2)));
        assertEquals(Outcome.DUPLICATE, apply(v1));
        try (Connection c = dataSource.getConnection();
             var q = c.prepareStatement("SELECT outcome FROM processed_event WHERE event_id = ?")) {
            q.setObject(1, v1.id());
            ResultSet row = q.executeQuery();
            row.next();
            assertEquals("stale", row.getString(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aBatchWhoseNewestVersionIsARedeliveryEndsAsIfAppliedOneByOne(String database) throws Exception {
        open(database);
        UUID account = UUID.randomUUID();
        Event v3 = account(UUID.randomUUID(), account, 300, 3L, 3);
        assertEquals(Outcome.APPLIED, apply(v3));
        Event late = account(UUID.randomUUID(), account, 200, 2L, 2);
        assertEquals(List.of(Outcome.STALE, Outcome.DUPLICATE), writer.write(submissions(late, v3)));
        assertEquals(300, balance(account));

        // The same event id with other data: the batch's other version is then judged against the row, not against it.
        UUID other = UUID.randomUUID();
        Event first = account(UUID.randomUUID(), other, 100, 1L, 1);
        assertEquals(Outcome.APPLIED, apply(first));
        Event second = account(UUID.randomUUID(), other, 200, 2L, 2);
        Event reused = account(first.id(), other, 999, 3L, 3);
        assertEquals(List.of(Outcome.APPLIED, Outcome.DUPLICATE), writer.write(submissions(second, reused)));
        assertEquals(200, balance(other));
    }

    private static List<Submission> submissions(Event... events) {
        List<Submission> batch = new ArrayList<>();
        for (Event event : events) {
            batch.add(new Submission(Stream.ACCOUNTS, event, new CompletableFuture<>()));
        }
        return batch;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void paymentsAreWrittenToTheirOwnReadModel(String database) throws Exception {
        open(database);
        UUID payment = UUID.randomUUID();
        Event event = new Event(UUID.randomUUID(), "payment.created", "payments", T0,
                new PaymentState(payment, UUID.randomUUID(), 995, "USD", "settled", T0, T0, null));
        assertEquals(Outcome.APPLIED, writer.submit(Stream.PAYMENTS, event).get(30, TimeUnit.SECONDS));
        try (Connection c = dataSource.getConnection();
             var q = c.prepareStatement("SELECT amount_cents, status FROM payments_read WHERE payment_id = ?")) {
            q.setObject(1, payment);
            ResultSet row = q.executeQuery();
            row.next();
            assertEquals(995, row.getLong(1));
            assertEquals("settled", row.getString(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void closingWhileEventsArriveLeavesNoConsumerWaiting(String database) throws Exception {
        open(database);
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            outcomes.add(writer.submit(Stream.ACCOUNTS, account(UUID.randomUUID(), UUID.randomUUID(), i, 1L, 1)));
        }
        writer.close();
        CompletableFuture.allOf(outcomes.stream().map(o -> o.handle((outcome, failure) -> null)).toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);
        long applied = outcomes.stream().filter(o -> !o.isCompletedExceptionally() && o.join() == Outcome.APPLIED).count();
        long failed = outcomes.stream().filter(CompletableFuture::isCompletedExceptionally).count();
        assertEquals(outcomes.size(), applied + failed, "every submission ends applied or failed (to be redelivered)");
        assertEquals(applied, countRows("accounts_read"), "an applied outcome is never reported for an uncommitted row");
    }

    private long countRows(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet count = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }
}
