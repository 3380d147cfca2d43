package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The embedded database's way to write one batch of events, row by row; PostgreSQL's is {@link PostgresArrayBatch}. */
final class RowByRowBatch {

    private RowByRowBatch() {
    }

    /**
     * Records each event id (an id already recorded is a duplicate), then upserts each new event's state in a
     * fixed order of aggregate ids so concurrent instances lock rows alike.
     */
    static Outcome[] write(Connection connection, ReadModelStatements statements, List<Submission> batch, Instant now)
            throws SQLException {
        Outcome[] outcomes = new Outcome[batch.size()];
        int[] recorded;
        try (PreparedStatement record = connection.prepareStatement(ReadModelStatements.RECORD_EVENT)) {
            for (Submission s : batch) {
                record.setObject(1, s.event().id());
                record.setString(2, s.stream().label());
                record.setString(3, s.event().type());
                record.setObject(4, s.event().state().aggregateId());
                record.setObject(5, ReadModelStatements.utc(s.event().occurredAt()));
                record.setObject(6, ReadModelStatements.utc(now));
                record.addBatch();
            }
            recorded = record.executeBatch();
        }
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (recorded[i] == 0) {
                outcomes[i] = Outcome.DUPLICATE;
            } else {
                fresh.add(i);
            }
        }
        fresh.sort(Comparator.comparing((Integer i) -> batch.get(i).event().state().aggregateId()).thenComparing(i -> i));
        upsert(connection, statements, batch, fresh, now, outcomes);
        markStale(connection, batch, outcomes);
        return outcomes;
    }

    private static void upsert(Connection connection, ReadModelStatements statements, List<Submission> batch, List<Integer> fresh,
                               Instant now, Outcome[] outcomes) throws SQLException {
        Map<String, List<Integer>> byStatement = new LinkedHashMap<>();
        for (Integer i : fresh) {
            byStatement.computeIfAbsent(statements.upsert(batch.get(i).event().state()), sql -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> group : byStatement.entrySet()) {
            try (PreparedStatement upsert = connection.prepareStatement(group.getKey())) {
                for (Integer i : group.getValue()) {
                    ReadModelStatements.bindUpsert(upsert, batch.get(i).event(), now);
                    upsert.addBatch();
                }
                int[] changed = upsert.executeBatch();
                for (int k = 0; k < changed.length; k++) {
                    outcomes[group.getValue().get(k)] = changed[k] == 0 ? Outcome.STALE : Outcome.APPLIED;
                }
            }
        }
    }

    private static void markStale(Connection connection, List<Submission> batch, Outcome[] outcomes) throws SQLException {
        try (PreparedStatement stale = connection.prepareStatement(ReadModelStatements.MARK_STALE)) {
            boolean any = false;
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == Outcome.STALE) {
                    stale.setObject(1, batch.get(i).event().id());
                    stale.addBatch();
                    any = true;
                }
            }
            if (any) {
                stale.executeBatch();
            }
        }
    }
}
