package dev.opsdeck.reports.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.tables.control.ReportFormat;
import dev.opsdeck.testing.Databases;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Report files in the database, on PostgreSQL and H2: written by a run, read back by anyone, expired by housekeeping. */
class ReportFilesIT {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static DataSource open(String database) throws Exception {
        return database.equals("h2") ? Databases.freshH2() : Databases.freshPostgres();
    }

    private static UUID queue(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return ReportRequests.queue(connection, new ReportRequests.Request(null, ReportType.ACCOUNT_BALANCES,
                    ReportFormat.parse("csv"), Map.of(), "test", null), NOW.minusSeconds(5));
        }
    }

    private static void account(DataSource dataSource, String currency, long balance) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO accounts_read (account_id, owner_id, currency, "
                     + "balance_cents, status, created_at, updated_at, version, last_event_id, last_event_at, synced_at) "
                     + "VALUES (?, ?, ?, ?, 'active', ?, ?, 1, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, currency);
            insert.setLong(4, balance);
            for (int i = 5; i <= 9; i++) {
                if (i == 7) {
                    insert.setObject(i, UUID.randomUUID());
                } else {
                    insert.setObject(i, NOW.atOffset(ZoneOffset.UTC));
                }
            }
            insert.executeUpdate();
        }
    }

    private static String[] run(DataSource dataSource, UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "SELECT status, file_name, size_bytes, checksum, started_at FROM report_run WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)};
            }
        }
    }

    private static byte[] read(ReportFiles files, UUID id) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(files.copy(id, out), "run " + id + " has a file");
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aFileOfSeveralChunksReadsBackByteForByteOnlyAfterItsWriterCommits(String database) throws Exception {
        DataSource dataSource = open(database);
        UUID id = queue(dataSource);
        byte[] content = new byte[ReportFiles.CHUNK_BYTES * 2 + 12_345];
        new Random(7).nextBytes(content);
        ReportFiles files = new ReportFiles(dataSource);
        try (Connection writing = dataSource.getConnection()) {
            writing.setAutoCommit(false);
            ReportFiles.ChunkWriter out = ReportFiles.writer(writing, id);
            out.write(content, 0, 1000);
            out.write(content[1000]);
            out.write(content, 1001, content.length - 1001);
            out.close();
            assertEquals(content.length, out.size());
            assertFalse(files.exists(id), "invisible to other connections until committed");
            writing.commit();
        }
        assertTrue(files.exists(id));
        assertArrayEquals(content, read(files, id));
        try (Connection c = dataSource.getConnection();
             ResultSet count = c.createStatement().executeQuery("SELECT COUNT(*) FROM report_file_chunk")) {
            count.next();
            assertEquals(3, count.getInt(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aSucceededRunsFileMatchesItsRecordedSizeAndChecksum(String database) throws Exception {
        DataSource dataSource = open(database);
        account(dataSource, "EUR", 1250);
        account(dataSource, "USD", 99);
        UUID id = queue(dataSource);

        assertEquals(ReportRunner.Outcome.SUCCEEDED, new ReportRunner(dataSource, Duration.ofDays(30), CLOCK, () -> false).run(id));

        String[] run = run(dataSource, id);
        assertEquals("succeeded", run[0]);
        assertEquals(id + ".csv", run[1]);
        byte[] file = read(new ReportFiles(dataSource), id);
        assertEquals(Long.parseLong(run[2]), file.length);
        assertEquals(run[3], HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        String csv = new String(file, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("EUR") && csv.contains("12.50") && csv.contains("USD"), csv);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aRunCutShortByAStoppingInstanceGoesBackToTheQueueWithoutAFile(String database) throws Exception {
        DataSource dataSource = open(database);
        account(dataSource, "EUR", 1);
        account(dataSource, "USD", 2);
        UUID id = queue(dataSource);
        AtomicInteger checks = new AtomicInteger();

        ReportRunner stoppingAfterClaim = new ReportRunner(dataSource, Duration.ofDays(30), CLOCK, () -> checks.incrementAndGet() > 1);
        assertEquals(ReportRunner.Outcome.HANDED_BACK, stoppingAfterClaim.run(id));

        String[] run = run(dataSource, id);
        assertEquals("queued", run[0]);
        assertNull(run[1]);
        assertNull(run[4], "no start time left behind");
        assertFalse(new ReportFiles(dataSource).exists(id));
        assertEquals(ReportRunner.Outcome.NOT_CLAIMED, stoppingAfterClaim.run(id), "a stopping instance claims nothing");
        assertEquals(ReportRunner.Outcome.SUCCEEDED, new ReportRunner(dataSource, Duration.ofDays(30), CLOCK, () -> false).run(id),
                "another instance runs it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void housekeepingDeletesExpiredFilesAndFailsAbandonedRunsWhileFreshOnesStay(String database) throws Exception {
        DataSource dataSource = open(database);
        UUID expired = queue(dataSource);
        UUID kept = queue(dataSource);
        UUID abandoned = queue(dataSource);
        UUID running = queue(dataSource);
        new ReportRunner(dataSource, Duration.ofDays(30), Clock.fixed(NOW.minus(Duration.ofDays(31)), ZoneOffset.UTC), () -> false).run(expired);
        new ReportRunner(dataSource, Duration.ofDays(30), Clock.fixed(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC), () -> false).run(kept);
        claimAt(dataSource, abandoned, NOW.minus(Duration.ofHours(7)));
        claimAt(dataSource, running, NOW.minus(Duration.ofMinutes(5)));

        var result = new ReportHousekeeping(dataSource, Duration.ofHours(6), CLOCK).run();

        assertEquals(new ReportHousekeeping.Result(1, 1), result);
        ReportFiles files = new ReportFiles(dataSource);
        assertFalse(files.exists(expired));
        assertNull(run(dataSource, expired)[1]);
        assertEquals("succeeded", run(dataSource, expired)[0], "the run stays, without its file");
        assertTrue(files.exists(kept));
        assertEquals(kept + ".csv", run(dataSource, kept)[1]);
        assertEquals("failed", run(dataSource, abandoned)[0]);
        assertEquals("running", run(dataSource, running)[0]);
        assertEquals(new ReportHousekeeping.Result(0, 0), new ReportHousekeeping(dataSource, Duration.ofHours(6), CLOCK).run());
    }

    private static void claimAt(DataSource dataSource, UUID id, Instant startedAt) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement claim = c.prepareStatement("UPDATE report_run SET status = 'running', started_at = ? WHERE id = ?")) {
            claim.setObject(1, startedAt.atOffset(ZoneOffset.UTC));
            claim.setObject(2, id);
            claim.executeUpdate();
        }
    }
}
