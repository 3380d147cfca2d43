package dev.opsdeck.reports.control;

import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.tables.control.ReportFormat;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** Queues report runs: on request by a caller, or for a due time of a schedule. */
public final class ReportRequests {

    // one provider for all calls: Json.create... looks the provider up on the class path every time
    private static final JsonProvider JSON = JsonProvider.provider();

    private ReportRequests() {
    }

    public record Request(Long configurationId, ReportType type, ReportFormat format, Map<String, String> parameters,
                          String requestedBy, Instant scheduledFor) {
    }

    public static UUID queue(Connection connection, Request request, Instant now) throws SQLException {
        UUID id = UUID.randomUUID();
        JsonObjectBuilder parameters = JSON.createObjectBuilder();
        request.parameters().forEach(parameters::add);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO report_run (id, configuration_id, "
                + "report_type, format, parameters, status, requested_by, requested_at, scheduled_for, progress) "
                + "VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, 0)")) {
            insert.setObject(1, id);
            insert.setObject(2, request.configurationId());
            insert.setString(3, request.type().label());
            insert.setString(4, request.format().name().toLowerCase());
            insert.setString(5, parameters.build().toString());
            insert.setString(6, request.requestedBy());
            insert.setObject(7, now.atOffset(ZoneOffset.UTC));
            insert.setObject(8, request.scheduledFor() == null ? null : request.scheduledFor().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id;
    }
}
