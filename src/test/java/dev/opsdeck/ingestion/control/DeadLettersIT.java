package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.testing.Databases;
import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dead-letter store on the databases it runs on: every value it is given fits its column. */
class DeadLettersIT {

    record Row(long id, String reason, byte[] body, long bodySize, String bodySha256, String headers, String eventType,
               int attempts, String resolvedBy, String resolution) {
    }

    static List<Row> rows(DataSource dataSource) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT id, reason, body, body_size, body_sha256, headers, event_type, "
                     + "attempts, resolved_by, resolution FROM dead_letter ORDER BY id")) {
            while (r.next()) {
                rows.add(new Row(r.getLong(1), r.getString(2), r.getBytes(3), r.getLong(4), r.getString(5), r.getString(6),
                        r.getString(7), r.getInt(8), r.getString(9), r.getString(10)));
            }
        }
        return rows;
    }

    private static DataSource open(String database) throws Exception {
        return database.equals("postgresql") ? Databases.freshPostgres() : Databases.freshH2();
    }

    private static byte[] oversized(char last) {
        byte[] bytes = new byte[1 << 20];
        Arrays.fill(bytes, (byte) 'o');
        bytes[bytes.length - 1] = (byte) last;
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void everyStoredValueIsBoundedToItsColumnAndSaysItsOriginalSize(String database) throws Exception {
        DataSource dataSource = open(database);
        DeadLetters deadLetters = new DeadLetters(dataSource, Clock.systemUTC());
        MessageBody body = MessageBody.prefixOf(oversized('a'));
        Map<String, Object> headers = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            headers.put("x-padding-" + i, "p".repeat(1000));
        }
        String unboundedHeaders = Json.createObjectBuilder(headers).build().toString();
        deadLetters.store(new DeadLetters.Letter(Stream.PAYMENTS, "r".repeat(5000), body, unboundedHeaders, UUID.randomUUID(),
                "t".repeat(100), 1));

        Row row = rows(dataSource).get(0);
        assertEquals(2000, row.reason().length());
        assertTrue(row.reason().endsWith("[truncated: 5000 characters in all]"), row.reason());
        assertArrayEquals(body.bytes(), row.body());
        assertEquals(1 << 20, row.bodySize());
        assertEquals(body.sha256(), row.bodySha256());
        assertTrue(row.headers().length() <= 8000, "headers " + row.headers().length());
        assertTrue(Json.createReader(new StringReader(row.headers())).readObject().getString("_truncated")
                .endsWith("[truncated: " + unboundedHeaders.length() + " characters in all]"));
        assertEquals(64, row.eventType().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void anOversizedMessageSeenAgainCountsOnItsEntryAndAnotherWithTheSamePrefixGetsItsOwn(String database) throws Exception {
        DataSource dataSource = open(database);
        DeadLetters deadLetters = new DeadLetters(dataSource, Clock.systemUTC());
        for (byte[] bytes : List.of(oversized('a'), oversized('a'), oversized('b'))) {
            deadLetters.store(new DeadLetters.Letter(Stream.ACCOUNTS, "oversized", MessageBody.prefixOf(bytes), "{}", null, null, 1));
        }
        List<Row> rows = rows(dataSource);
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).attempts());
        assertEquals(1, rows.get(1).attempts());
        assertArrayEquals(rows.get(0).body(), rows.get(1).body());
        assertTrue(!rows.get(0).bodySha256().equals(rows.get(1).bodySha256()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aWholeBodyIsStoredWithItsSizeAndHash(String database) throws Exception {
        DataSource dataSource = open(database);
        MessageBody body = MessageBody.whole("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        new DeadLetters(dataSource, Clock.systemUTC()).store(new DeadLetters.Letter(Stream.ACCOUNTS, "malformed: not JSON",
                body, "{}", null, null, 1));
        Row row = rows(dataSource).get(0);
        assertEquals("not json", new String(row.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(8, row.bodySize());
        assertEquals(body.sha256(), row.bodySha256());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void resolutionsAndTheirAuthorsAreBounded(String database) throws Exception {
        DataSource dataSource = open(database);
        DeadLetters deadLetters = new DeadLetters(dataSource, Clock.systemUTC());
        deadLetters.store(new DeadLetters.Letter(Stream.ACCOUNTS, "malformed", MessageBody.whole(new byte[]{1}), "{}", null, null, 1));
        long id = rows(dataSource).get(0).id();
        deadLetters.stillFailing(id, "s".repeat(3000));
        assertTrue(rows(dataSource).get(0).reason().endsWith("[truncated: 3000 characters in all]"));
        assertTrue(deadLetters.resolve(id, "discarded", "u".repeat(300), "d".repeat(3000)));
        Row row = rows(dataSource).get(0);
        assertEquals(255, row.resolvedBy().length());
        assertEquals(2000, row.resolution().length());
        assertTrue(row.resolution().endsWith("[truncated: 3000 characters in all]"));
    }
}
