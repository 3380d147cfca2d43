package dev.opsdeck.schema.control;

import dev.opsdeck.process.control.BuildInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

public final class InstanceStarts {

    private InstanceStarts() {
    }

    public static void record(DataSource dataSource, Instant startedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO instance_start (id, started_at, version, host) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setTimestamp(2, Timestamp.from(startedAt));
            insert.setString(3, BuildInfo.VERSION);
            insert.setString(4, hostName());
            insert.executeUpdate();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
