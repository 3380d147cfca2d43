package dev.opsdeck.reports.control;

import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.tables.control.ReportFormat;
import dev.opsdeck.tables.control.TableWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs one queued report: claims it (so one instance runs it), streams the rows into its file in the database,
 * and records row count, size and SHA-256, or the error that stopped it. A run this instance must give up because
 * it is stopping goes back to queued, without a file, for any instance to run again.
 */
public class ReportRunner {

    // one provider for all calls: Json.create... looks the provider up on the class path every time
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(ReportRunner.class.getName());

    private final DataSource dataSource;
    private final Duration retention;
    private final Clock clock;
    private final BooleanSupplier stopping;
    private final Consumer<ReportRunFinished> finished;

    public ReportRunner(DataSource dataSource, Duration retention, Clock clock, BooleanSupplier stopping) {
        this(dataSource, retention, clock, stopping, run -> { });
    }

    public ReportRunner(DataSource dataSource, Duration retention, Clock clock, BooleanSupplier stopping,
                        Consumer<ReportRunFinished> finished) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.clock = clock;
        this.stopping = stopping;
        this.finished = finished;
    }

    public enum Outcome { NOT_CLAIMED, SUCCEEDED, FAILED, HANDED_BACK }

    /** Runs the report if this caller is the one that moved it from queued to running. */
    public Outcome run(UUID id) throws SQLException {
        if (stopping.getAsBoolean() || !claim(id)) {
            return Outcome.NOT_CLAIMED;
        }
        try (Connection connection = dataSource.getConnection(); Connection files = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            files.setAutoCommit(false);
            try {
                write(connection, files, id);
                return Outcome.SUCCEEDED;
            } catch (HandBack e) {
                files.rollback();
                handBack(files, id);
                return Outcome.HANDED_BACK;
            } catch (SQLException | IOException | NoSuchAlgorithmException | RuntimeException e) {
                LOG.log(Level.WARNING, "Report run " + id + " failed", e);
                files.rollback();
                failed(files, id, e);
                return Outcome.FAILED;
            } finally {
                connection.rollback();
            }
        }
    }

    private void write(Connection connection, Connection files, UUID id)
            throws SQLException, IOException, NoSuchAlgorithmException {
        Claimed run = load(connection, id);
        ReportFormat format = ReportFormat.parse(run.format());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ReportFiles.ChunkWriter chunks = ReportFiles.writer(files, id);
        long rows;
        try (OutputStream out = new DigestOutputStream(chunks, sha)) {
            TableWriter writer = TableWriter.open(format, out, ReportQueries.title(run.type(), run.parameters()),
                    ReportQueries.headers(run.type()));
            ReportQueries.stream(connection, run.type(), run.parameters(), row -> {
                if (stopping.getAsBoolean()) {
                    throw new HandBack();
                }
                writer.row(row);
            });
            rows = writer.rows();
            writer.close();
        }
        Instant now = clock.instant();
        String fileName = id + "." + format.extension();
        succeeded(files, id, fileName, rows, chunks.size(), HexFormat.of().formatHex(sha.digest()), now);
        finished.accept(new ReportRunFinished(files, id, true, null, now, ReportRunFinished.mailing(files, id), fileName,
                rows, chunks.size(), now.plus(retention)));
        files.commit();
    }

    /** Thrown out of the row loop when the instance stops, so that the run goes back to the queue instead of failing. */
    private static final class HandBack extends RuntimeException {
        HandBack() {
            super("instance stopping", null, false, false);
        }
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

    private void succeeded(Connection connection, UUID id, String fileName, long rows, long size, String checksum,
                           Instant now) throws SQLException {
        try (PreparedStatement done = connection.prepareStatement("UPDATE report_run SET status = 'succeeded', finished_at = ?, "
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

    private void failed(Connection connection, UUID id, Exception cause) throws SQLException {
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        Instant now = clock.instant();
        try (PreparedStatement failed = connection.prepareStatement(
                "UPDATE report_run SET status = 'failed', finished_at = ?, error = ? WHERE id = ?")) {
            failed.setObject(1, now.atOffset(ZoneOffset.UTC));
            failed.setString(2, error.length() <= 4000 ? error : error.substring(0, 4000));
            failed.setObject(3, id);
            failed.executeUpdate();
        }
        finished.accept(new ReportRunFinished(connection, id, false, error, now, ReportRunFinished.mailing(connection, id),
                null, 0, 0, null));
        connection.commit();
    }

    private static void handBack(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement queued = connection.prepareStatement(
                "UPDATE report_run SET status = 'queued', started_at = NULL, progress = 0 WHERE id = ? AND status = 'running'")) {
            queued.setObject(1, id);
            queued.executeUpdate();
        }
        connection.commit();
        LOG.info(() -> "Report run " + id + " handed back to the queue: this instance is stopping");
    }
}
