package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.AccountState;
import dev.opsdeck.ingestion.entity.AggregateState;
import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.PaymentState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.postgresql.PGStatement;

/**
 * A whole batch into PostgreSQL in a few statements over arrays ({@code unnest}), instead of one statement per
 * event: record the event ids (those already recorded are duplicates), keep the newest state per aggregate,
 * upsert those only where they are newer than the row, and mark the events that changed nothing as stale.
 * The rules are the row-by-row ones of {@link ReadModelStatements}; only the number of round trips and
 * executor starts changes.
 */
final class PostgresArrayBatch {

    private record Column(String name, String type, Function<Event, Object> value) {
    }

    private record Table(String name, String id, List<Column> columns) {

        String upsert() {
            StringBuilder names = new StringBuilder();
            StringBuilder arrays = new StringBuilder();
            StringBuilder set = new StringBuilder();
            for (Column column : columns) {
                names.append(column.name()).append(", ");
                arrays.append(arrays.isEmpty() ? "" : ", ").append("CAST(? AS ").append(column.type()).append("[])");
                if (!column.name().equals(id)) {
                    set.append(column.name()).append(" = EXCLUDED.").append(column.name()).append(", ");
                }
            }
            return "INSERT INTO " + name + " AS r (" + names + "synced_at) "
                    + "SELECT s.*, CAST(? AS timestamptz) FROM unnest(" + arrays + ") AS s "
                    + "ON CONFLICT (" + id + ") DO UPDATE SET " + set + "synced_at = EXCLUDED.synced_at "
                    + "WHERE " + ReadModelStatements.NEWER.formatted("r", "EXCLUDED") + " RETURNING " + id;
        }
    }

    private static final Table ACCOUNTS = new Table("accounts_read", "account_id", withCommon(List.of(
            new Column("account_id", "uuid", e -> account(e).accountId()),
            new Column("owner_id", "uuid", e -> account(e).ownerId()),
            new Column("currency", "text", e -> account(e).currency()),
            new Column("balance_cents", "bigint", e -> account(e).balanceCents()),
            new Column("status", "text", e -> account(e).status()),
            new Column("created_at", "timestamptz", e -> account(e).createdAt()))));

    private static final Table PAYMENTS = new Table("payments_read", "payment_id", withCommon(List.of(
            new Column("payment_id", "uuid", e -> payment(e).paymentId()),
            new Column("account_id", "uuid", e -> payment(e).accountId()),
            new Column("amount_cents", "bigint", e -> payment(e).amountCents()),
            new Column("currency", "text", e -> payment(e).currency()),
            new Column("status", "text", e -> payment(e).status()),
            new Column("created_at", "timestamptz", e -> payment(e).createdAt()))));

    private static final String ACCOUNTS_UPSERT = ACCOUNTS.upsert();
    private static final String PAYMENTS_UPSERT = PAYMENTS.upsert();

    static final String RECORD_EVENTS = "INSERT INTO processed_event "
            + "(event_id, stream, event_type, aggregate_id, outcome, occurred_at, processed_at) "
            + "SELECT e.id, e.stream, e.type, e.aggregate, 'applied', e.occurred, CAST(? AS timestamptz) "
            + "FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS uuid[]), "
            + "CAST(? AS timestamptz[])) AS e(id, stream, type, aggregate, occurred) "
            + "ON CONFLICT DO NOTHING RETURNING event_id";
    static final String MARK_STALE = "UPDATE processed_event SET outcome = 'stale' WHERE event_id = ANY(CAST(? AS uuid[]))";

    private PostgresArrayBatch() {
    }

    /**
     * Outcomes in the batch's order. An event older than one that came before it in the batch is stale, as it
     * would have been alone; one followed by a newer version of its aggregate shares that version's outcome,
     * since applying it first would have been overwritten in the same commit.
     */
    static Outcome[] write(Connection connection, List<Submission> batch, Instant now) throws SQLException {
        Outcome[] outcomes = new Outcome[batch.size()];
        Set<UUID> recorded = record(connection, batch, now);
        Map<UUID, Integer> newest = new LinkedHashMap<>();
        Map<Integer, Integer> supersededBy = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Event event = batch.get(i).event();
            if (!recorded.remove(event.id())) {
                outcomes[i] = Outcome.DUPLICATE;
                continue;
            }
            Integer current = newest.get(event.state().aggregateId());
            if (current == null) {
                newest.put(event.state().aggregateId(), i);
            } else if (newer(event.state(), batch.get(current).event().state())) {
                supersededBy.put(current, i);
                newest.put(event.state().aggregateId(), i);
            } else {
                outcomes[i] = Outcome.STALE;
            }
        }
        List<Integer> accounts = new ArrayList<>();
        List<Integer> payments = new ArrayList<>();
        for (int i : newest.values()) {
            (batch.get(i).event().state() instanceof AccountState ? accounts : payments).add(i);
        }
        upsert(connection, ACCOUNTS, ACCOUNTS_UPSERT, batch, accounts, now, outcomes);
        upsert(connection, PAYMENTS, PAYMENTS_UPSERT, batch, payments, now, outcomes);
        for (int i = batch.size() - 1; i >= 0; i--) {
            Integer later = supersededBy.get(i);
            if (later != null) {
                outcomes[i] = outcomes[later];
            }
        }
        markStale(connection, batch, outcomes);
        return outcomes;
    }

    /** The ids this batch recorded first; duplicates, within the batch or of earlier ones, are not among them. */
    private static Set<UUID> record(Connection connection, List<Submission> batch, Instant now) throws SQLException {
        List<Submission> byId = new ArrayList<>(batch);
        byId.sort(Comparator.comparing((Submission s) -> s.event().id()));
        try (PreparedStatement record = connection.prepareStatement(RECORD_EVENTS)) {
            record.setString(1, now.toString());
            record.setArray(2, connection.createArrayOf("text", column(byId, s -> s.event().id())));
            record.setArray(3, connection.createArrayOf("text", column(byId, s -> s.stream().label())));
            record.setArray(4, connection.createArrayOf("text", column(byId, s -> s.event().type())));
            record.setArray(5, connection.createArrayOf("text", column(byId, s -> s.event().state().aggregateId())));
            record.setArray(6, connection.createArrayOf("text", column(byId, s -> s.event().occurredAt())));
            Set<UUID> recorded = new HashSet<>();
            try (ResultSet rows = record.executeQuery()) {
                while (rows.next()) {
                    // getString, not getObject(1, UUID.class): Payara's JDBC wrapper finds that method by reflection per call
                    recorded.add(UUID.fromString(rows.getString(1)));
                }
            }
            return recorded;
        }
    }

    /** Upserts in aggregate-id order, so that concurrent instances lock rows alike. */
    private static void upsert(Connection connection, Table table, String sql, List<Submission> batch, List<Integer> rows,
                               Instant now, Outcome[] outcomes) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(Comparator.comparing(i -> batch.get(i).event().state().aggregateId()));
        List<Event> events = rows.stream().map(i -> batch.get(i).event()).toList();
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, now.toString());
            int parameter = 2;
            for (Column column : table.columns()) {
                upsert.setArray(parameter++, connection.createArrayOf("text", column(events, column.value())));
            }
            Set<UUID> changed = new HashSet<>();
            try (ResultSet result = upsert.executeQuery()) {
                while (result.next()) {
                    changed.add(UUID.fromString(result.getString(1)));
                }
            }
            for (int i : rows) {
                outcomes[i] = changed.contains(batch.get(i).event().state().aggregateId()) ? Outcome.APPLIED : Outcome.STALE;
            }
        }
    }

    private static void markStale(Connection connection, List<Submission> batch, Outcome[] outcomes) throws SQLException {
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == Outcome.STALE) {
                stale.add(batch.get(i).event().id().toString());
            }
        }
        if (!stale.isEmpty()) {
            try (PreparedStatement update = plannedPerExecution(connection, MARK_STALE)) {
                update.setArray(1, connection.createArrayOf("text", stale.toArray()));
                update.executeUpdate();
            }
        }
    }

    /**
     * A statement that PostgreSQL plans for its actual array on every execution. As a server-side prepared statement,
     * the stale update may settle on a generic plan made while processed_event was nearly empty and keep it as the
     * table grows: it then scans the whole table for every batch (seen once: 1,005 sequential scans reading 127
     * million rows, the writer down to 19 events/s, on a server with autovacuum off, so that no ANALYZE replaced the
     * plan). The two inserts need no such care: ON CONFLICT always probes the unique index. Planning all three
     * afresh cost about a tenth of the throughput; planning this one costs little.
     */
    private static PreparedStatement plannedPerExecution(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    /** Mirrors {@link ReadModelStatements#NEWER}: by version when both have one, else by updated_at. */
    static boolean newer(AggregateState incoming, AggregateState current) {
        if (incoming.version() != null && current.version() != null) {
            return incoming.version() > current.version();
        }
        return incoming.updatedAt().isAfter(current.updatedAt());
    }

    private static <T> Object[] column(List<T> rows, Function<T, Object> value) {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Objects.toString(value.apply(rows.get(i)), null);
        }
        return values;
    }

    private static List<Column> withCommon(List<Column> specific) {
        List<Column> columns = new ArrayList<>(specific);
        columns.add(new Column("updated_at", "timestamptz", e -> e.state().updatedAt()));
        columns.add(new Column("version", "bigint", e -> e.state().version()));
        columns.add(new Column("last_event_id", "uuid", Event::id));
        columns.add(new Column("last_event_at", "timestamptz", Event::occurredAt));
        return List.copyOf(columns);
    }

    private static AccountState account(Event event) {
        return (AccountState) event.state();
    }

    private static PaymentState payment(Event event) {
        return (PaymentState) event.state();
    }
}
