package dev.opsdeck.reports.control;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Report files as rows of the database, written and read one chunk at a time so that neither side holds a
 * whole file in memory, and shared by every instance on the database.
 */
public class ReportFiles {

    static final int CHUNK_BYTES = 256 * 1024;

    private final DataSource dataSource;

    public ReportFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stream that inserts the run's file on the given connection; it is visible to others once that connection commits. */
    public static ChunkWriter writer(Connection connection, UUID run) {
        return new ChunkWriter(connection, run);
    }

    public boolean exists(UUID run) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT 1 FROM report_file_chunk WHERE run_id = ? AND seq = 0")) {
            query.setObject(1, run);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Copies the run's file to out, chunk by chunk; false if it has none (never written, or expired). */
    public boolean copy(UUID run, OutputStream out) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            return copy(connection, run, out);
        }
    }

    /** The same on the caller's connection, which sees a file its transaction wrote and has not committed yet. */
    static boolean copy(Connection connection, UUID run, OutputStream out) throws SQLException, IOException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT data FROM report_file_chunk WHERE run_id = ? AND seq = ?")) {
            query.setObject(1, run);
            for (int seq = 0; ; seq++) {
                query.setInt(2, seq);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return seq > 0;
                    }
                    out.write(row.getBytes(1));
                }
            }
        }
    }

    static int delete(Connection connection, UUID run) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM report_file_chunk WHERE run_id = ?")) {
            delete.setObject(1, run);
            return delete.executeUpdate();
        }
    }

    /** Buffers one chunk and inserts it when full; counts the bytes written. */
    public static final class ChunkWriter extends OutputStream {

        private final Connection connection;
        private final UUID run;
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;
        private int seq;
        private long size;
        private boolean closed;

        private ChunkWriter(Connection connection, UUID run) {
            this.connection = connection;
            this.run = run;
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == buffer.length) {
                flushChunk();
            }
            buffer[filled++] = (byte) b;
            size++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == buffer.length) {
                    flushChunk();
                }
                int taken = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, taken);
                filled += taken;
                offset += taken;
                length -= taken;
                size += taken;
            }
        }

        /** Inserts what is left; an empty file still gets one (empty) chunk so that it exists. */
        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (filled > 0 || seq == 0) {
                    flushChunk();
                }
            }
        }

        public long size() {
            return size;
        }

        private void flushChunk() throws IOException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO report_file_chunk (run_id, seq, data) VALUES (?, ?, ?)")) {
                insert.setObject(1, run);
                insert.setInt(2, seq);
                insert.setBytes(3, filled == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, filled));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IOException("could not store chunk " + seq + " of report " + run + ": " + e.getMessage(), e);
            }
            seq++;
            filled = 0;
        }
    }
}
