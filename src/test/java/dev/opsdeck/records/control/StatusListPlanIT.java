package dev.opsdeck.records.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.records.entity.ListState;
import dev.opsdeck.records.entity.ReadModelTable;
import dev.opsdeck.testing.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A status filter in the accounts list's default order (last sync, newest first) reads one range of the status index
 * on both databases, however many newer rows of other statuses lie on top: a burst of new active accounts must not
 * make the frozen list walk past all of them.
 */
class StatusListPlanIT {

    private static final int FROZEN = 300;
    private static final int NEWER_ACTIVE = 6_000;

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void frozenAccountsNewestFirstReadTheStatusIndexNotEveryNewerActiveAccount(String database) throws Exception {
        DataSource dataSource = database.equals("postgresql") ? Databases.freshPostgres() : Databases.freshH2();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        try (Connection connection = dataSource.getConnection()) {
            insertAccounts(connection, "frozen", FROZEN, start);
            insertAccounts(connection, "active", NEWER_ACTIVE, start.plusSeconds(86_400));
            connection.createStatement().execute(database.equals("postgresql") ? "ANALYZE accounts_read" : "ANALYZE TABLE accounts_read");

            ListQuery query = ListQuery.of(ReadModelTable.ACCOUNTS,
                    ListState.parse(ReadModelTable.ACCOUNTS, "status=frozen&sort=synced&dir=desc"));
            String plan = plan(connection, database, query);
            assertTrue(plan.toLowerCase(Locale.ROOT).contains("accounts_read_status_synced"), plan);

            List<String> statuses = new ArrayList<>();
            List<Timestamp> synced = new ArrayList<>();
            try (PreparedStatement page = connection.prepareStatement(query.pageSql())) {
                bindFirstPage(page, query);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        statuses.add(rows.getString("status"));
                        synced.add(rows.getTimestamp("synced_at"));
                    }
                }
            }
            assertEquals(20, statuses.size());
            assertTrue(statuses.stream().allMatch("frozen"::equals), statuses.toString());
            assertEquals(Timestamp.from(start.plusSeconds(FROZEN - 1)), synced.get(0), "newest frozen first");
        }
    }

    private static String plan(Connection connection, String database, ListQuery query) throws Exception {
        String explain = database.equals("postgresql") ? "EXPLAIN (FORMAT JSON) " : "EXPLAIN ";
        try (PreparedStatement statement = connection.prepareStatement(explain + query.pageSql())) {
            bindFirstPage(statement, query);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1));
                }
            }
            return plan.toString();
        }
    }

    private static void bindFirstPage(PreparedStatement statement, ListQuery query) throws Exception {
        int i = 1;
        for (Object parameter : query.parameters()) {
            statement.setObject(i++, parameter);
        }
        statement.setInt(i++, 20);
        statement.setInt(i, 0);
    }

    private static void insertAccounts(Connection connection, String status, int count, Instant from) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts_read (account_id, owner_id, currency, "
                + "balance_cents, status, created_at, updated_at, version, last_event_id, last_event_at, synced_at) "
                + "VALUES (?, ?, 'EUR', 100, ?, ?, ?, 1, ?, ?, ?)")) {
            for (int n = 0; n < count; n++) {
                Timestamp at = Timestamp.from(from.plusSeconds(n));
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, status);
                insert.setTimestamp(4, at);
                insert.setTimestamp(5, at);
                insert.setObject(6, UUID.randomUUID());
                insert.setTimestamp(7, at);
                insert.setTimestamp(8, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
