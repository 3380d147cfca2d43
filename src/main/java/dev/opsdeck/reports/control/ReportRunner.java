package dev.opsdeck.reports.control;

import dev.opsdeck.reports.entity.ReportType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs one queued report: claims it (so one instance runs it), streams the rows into its file, and records
 * row count, size and SHA-256, or the error that stopped it.
 */
public class ReportRunner {

    // one provider for all calls: Json.create... looks the provider up on the class path every time
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(ReportRunner.class.getName());

    private final DataSource dataSource;
    private final Path directory;
    private final Duration retention;
    private final Clock clock;

    public ReportRunner(DataSource dataSource, Path directory, Duration retention, Clock clock) {
        this.dataSource = dataSource;
        this.directory = directory;
        this.retention = retention;
        this.clock = clock;
    }

    /** Runs the report if this caller is the one that moved it from queued to running; false otherwise. */
    public boolean run(UUID id) throws SQLException {
        if (!claim(id)) {
            return false;
        }
        Path file = null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Claimed run = load(connection, id);
            ReportFormat format = ReportFormat.parse(run.format());
            String fileName = id + "." + format.extension();
            Files.createDirectories(directory);
            file = directory.resolve(fileName);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long rows;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                TableWriter writer = TableWriter.open(format, out, ReportQueries.title(run.type(), run.parameters()),
                        ReportQueries.headers(run.type()));
                ReportQueries.stream(connection, run.type(), run.parameters(), writer::row);
                rows = writer.rows();
                writer.close();
            }
            connection.commit();
            succeeded(id, fileName, rows, Files.size(file), HexFormat.of().formatHex(sha.digest()));
        } catch (SQLException | IOException | NoSuchAlgorithmException | RuntimeException e) {
            LOG.log(Level.WARNING, "Report run " + id + " failed", e);
            deleteQuietly(file);
            failed(id, e);
        }
        return true;
    }

    record Claimed(ReportType type, String format, Map<String, String> parameters) {
    }

    private boolean claim(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(
                     "UPDATE report_run SET status = 'running', started_at = ?, progress = 0 WHERE id = ? AND status = 'queued'")) {
            claim.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
            claim.setObject(2, id);
            return claim.executeUpdate() == 1;
        }
    }

    private static Claimed load(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT report_type, format, parameters FROM report_run WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                ReportType type = ReportType.of(row.getString(1)).orElseThrow();
                JsonObject json = JSON.createReader(new StringReader(row.getString(3))).readObject();
                Map<String, String> parameters = new LinkedHashMap<>();
                json.forEach((name, value) -> parameters.put(name, json.getString(name)));
                return new Claimed(type, row.getString(2), parameters);
            }
        }
    }

    private void succeeded(UUID id, String fileName, long rows, long size, String checksum) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement done = connection.prepareStatement("UPDATE report_run SET status = 'succeeded', finished_at = ?, "
                     + "progress = 100, row_count = ?, size_bytes = ?, checksum = ?, file_name = ?, expires_at = ? WHERE id = ?")) {
            done.setObject(1, now.atOffset(ZoneOffset.UTC));
            done.setLong(2, rows);
            done.setLong(3, size);
            done.setString(4, checksum);
            done.setString(5, fileName);
            done.setObject(6, now.plus(retention).atOffset(ZoneOffset.UTC));
            done.setObject(7, id);
            done.executeUpdate();
        }
    }

    private void failed(UUID id, Exception cause) throws SQLException {
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement failed = connection.prepareStatement(
                     "UPDATE report_run SET status = 'failed', finished_at = ?, error = ? WHERE id = ?")) {
            failed.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
            failed.setString(2, error.length() <= 4000 ? error : error.substring(0, 4000));
            failed.setObject(3, id);
            failed.executeUpdate();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete partial report file " + file, e);
        }
    }

    public Path file(String fileName) {
        return directory.resolve(fileName);
    }
}
