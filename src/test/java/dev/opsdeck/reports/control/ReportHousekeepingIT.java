package dev.opsdeck.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.opsdeck.testing.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHousekeepingIT {

    @TempDir
    Path directory;

    private static void insert(DataSource dataSource, UUID id, String status, Instant startedAt, String fileName, Instant expiresAt)
            throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO report_run (id, report_type, format, parameters, status, "
                     + "requested_by, requested_at, started_at, progress, file_name, expires_at) VALUES (?, 'account_balances', 'csv', '{}', ?, "
                     + "'test', ?, ?, 0, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, status);
            insert.setObject(3, startedAt.atOffset(ZoneOffset.UTC));
            insert.setObject(4, startedAt.atOffset(ZoneOffset.UTC));
            insert.setString(5, fileName);
            insert.setObject(6, expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    @Test
    void expiredFilesAreDeletedAndAbandonedRunsFailWhileFreshOnesStay() throws Exception {
        DataSource dataSource = Databases.freshPostgres();
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        UUID expired = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID abandoned = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        Files.writeString(directory.resolve("old.csv"), "a\n");
        Files.writeString(directory.resolve("new.csv"), "a\n");
        insert(dataSource, expired, "succeeded", now.minus(Duration.ofDays(40)), "old.csv", now.minusSeconds(1));
        insert(dataSource, kept, "succeeded", now.minus(Duration.ofDays(1)), "new.csv", now.plus(Duration.ofDays(29)));
        insert(dataSource, abandoned, "running", now.minus(Duration.ofHours(7)), null, null);
        insert(dataSource, running, "running", now.minus(Duration.ofMinutes(5)), null, null);

        var result = new ReportHousekeeping(dataSource, directory, Duration.ofHours(6), Clock.fixed(now, ZoneOffset.UTC)).run();

        assertEquals(new ReportHousekeeping.Result(1, 1), result);
        assertFalse(Files.exists(directory.resolve("old.csv")));
        assertEquals("a\n", Files.readString(directory.resolve("new.csv")));
        try (Connection c = dataSource.getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT id, status, file_name FROM report_run")) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                if (id.equals(expired)) {
                    assertNull(rows.getString(3));
                } else if (id.equals(kept)) {
                    assertEquals("new.csv", rows.getString(3));
                } else if (id.equals(abandoned)) {
                    assertEquals("failed", rows.getString(2));
                } else {
                    assertEquals("running", rows.getString(2));
                }
            }
        }
    }
}
