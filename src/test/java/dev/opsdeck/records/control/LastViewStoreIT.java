package dev.opsdeck.records.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsdeck.records.entity.LastView;
import dev.opsdeck.testing.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Users' last list views as the console's write-behind leaves them, on both databases. */
class LastViewStoreIT {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void writesOneRowPerUserAndListAndLaterViewsReplaceIt(String database) throws Exception {
        DataSource dataSource = database.equals("postgresql") ? Databases.freshPostgres() : Databases.freshH2();
        LastViewStore store = new LastViewStore(dataSource);

        store.write(List.of(new LastView("ada", "accounts", 20, "sort=synced&dir=desc&size=20"),
                new LastView("ada", "payments", 50, "status=settled&size=50"),
                new LastView("bob", "accounts", 100, "q=ab12&size=100")), T0);
        store.write(List.of(new LastView("ada", "accounts", 50, "currency=EUR&size=50&page=3")), T0.plusSeconds(1));

        assertEquals(List.of("ada accounts 50 currency=EUR&size=50&page=3 " + T0.plusSeconds(1),
                "ada payments 50 status=settled&size=50 " + T0,
                "bob accounts 100 q=ab12&size=100 " + T0), rows(dataSource));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aFailedWriteLeavesEveryRowAsItWas(String database) throws Exception {
        DataSource dataSource = database.equals("postgresql") ? Databases.freshPostgres() : Databases.freshH2();
        LastViewStore store = new LastViewStore(dataSource);
        store.write(List.of(new LastView("ada", "accounts", 20, "size=20")), T0);

        String tooLongName = "x".repeat(65);
        assertThrows(SQLException.class, () -> store.write(
                List.of(new LastView("ada", "accounts", 50, "size=50"), new LastView(tooLongName, "accounts", 20, "size=20")),
                T0.plusSeconds(1)));

        assertEquals(List.of("ada accounts 20 size=20 " + T0), rows(dataSource));
    }

    private static List<String> rows(DataSource dataSource) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet result = connection.createStatement().executeQuery(
                     "SELECT username, list, page_size, last_query, changed_at FROM list_preference ORDER BY username, list")) {
            while (result.next()) {
                rows.add(String.join(" ", result.getString(1), result.getString(2), String.valueOf(result.getInt(3)),
                        result.getString(4), result.getObject(5, OffsetDateTime.class).toInstant().toString()));
            }
        }
        return rows;
    }
}
