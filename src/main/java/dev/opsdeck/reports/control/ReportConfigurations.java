package dev.opsdeck.reports.control;

import dev.opsdeck.reports.entity.Delivery;
import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.tables.control.ReportFormat;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Creates and changes report configurations after checking every field; a schedule gets its next due time here. */
public class ReportConfigurations {

    // one provider for all calls: Json.create... looks the provider up on the class path every time
    private static final JsonProvider JSON = JsonProvider.provider();

    private final DataSource dataSource;
    private final Clock clock;

    public ReportConfigurations(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public record Draft(String name, ReportType type, ReportFormat format, Map<String, String> parameters, String cron,
                        String timeZone, boolean enabled, List<String> recipients, Delivery delivery) {
    }

    /** Reads and checks a configuration as the API receives it. */
    public static Draft draft(JsonObject body) {
        if (body == null) {
            throw new InvalidReportException("body", "a JSON object is required");
        }
        String name = text(body, "name");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidReportException("name", "required, at most 200 characters");
        }
        String typeLabel = text(body, "report_type");
        ReportType type = ReportType.of(typeLabel == null ? "" : typeLabel).orElseThrow(() -> new InvalidReportException(
                "report_type", "expected account_balances, payments_summary, refunds or dead_letters, was " + typeLabel));
        String formatText = text(body, "format");
        ReportFormat format;
        try {
            format = ReportFormat.parse(formatText == null ? "" : formatText);
        } catch (IllegalArgumentException e) {
            throw new InvalidReportException("format", e.getMessage());
        }
        JsonValue parameters = body.get("parameters");
        if (parameters != null && parameters.getValueType() != JsonValue.ValueType.OBJECT
                && parameters.getValueType() != JsonValue.ValueType.NULL) {
            throw new InvalidReportException("parameters", "expected an object");
        }
        Map<String, String> valid = ReportParameters.validate(type,
                parameters instanceof JsonObject object ? object : null);
        String cron = text(body, "cron");
        String timeZone = text(body, "time_zone");
        if (cron != null && !cron.isBlank()) {
            schedule(cron, timeZone == null ? "UTC" : timeZone);
        }
        boolean enabled = !body.containsKey("enabled") || body.getBoolean("enabled", true);
        String deliveryText = text(body, "delivery");
        Delivery delivery = deliveryText == null ? Delivery.ATTACHMENT : Delivery.of(deliveryText).orElseThrow(
                () -> new InvalidReportException("delivery", "expected attachment or link, was " + deliveryText));
        return new Draft(name.trim(), type, format, valid, cron == null || cron.isBlank() ? null : cron.trim(),
                cron == null || cron.isBlank() ? null : (timeZone == null ? "UTC" : timeZone), enabled,
                ReportRecipients.parse(body.get("recipients")), delivery);
    }

    public static Schedule schedule(String cron, String timeZone) {
        try {
            return Schedule.parse(cron, timeZone);
        } catch (InvalidScheduleException e) {
            throw new InvalidReportException(e.field(), e.getMessage().replaceFirst("^" + e.field() + ": ", ""));
        }
    }

    public long create(Draft draft, String owner) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO report_configuration (name, report_type, "
                     + "parameters, format, cron, time_zone, enabled, recipients, delivery, owner, created_at, updated_at, "
                     + "next_run_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, draft, now);
            insert.setString(10, owner);
            insert.setObject(11, now.atOffset(ZoneOffset.UTC));
            insert.setObject(12, now.atOffset(ZoneOffset.UTC));
            insert.setObject(13, nextRun(draft, now));
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        } catch (SQLException e) {
            throw nameTaken(e, draft);
        }
    }

    public boolean update(long id, Draft draft) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE report_configuration SET name = ?, report_type = ?, "
                     + "parameters = ?, format = ?, cron = ?, time_zone = ?, enabled = ?, recipients = ?, delivery = ?, "
                     + "updated_at = ?, next_run_at = ? WHERE id = ?")) {
            bind(update, draft, now);
            update.setObject(10, now.atOffset(ZoneOffset.UTC));
            update.setObject(11, nextRun(draft, now));
            update.setLong(12, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw nameTaken(e, draft);
        }
    }

    private static void bind(PreparedStatement statement, Draft draft, Instant now) throws SQLException {
        JsonObjectBuilder parameters = JSON.createObjectBuilder();
        draft.parameters().forEach(parameters::add);
        statement.setString(1, draft.name());
        statement.setString(2, draft.type().label());
        statement.setString(3, parameters.build().toString());
        statement.setString(4, draft.format().name().toLowerCase());
        statement.setString(5, draft.cron());
        statement.setString(6, draft.timeZone());
        statement.setBoolean(7, draft.enabled());
        statement.setString(8, draft.recipients().isEmpty() ? null : String.join(",", draft.recipients()));
        statement.setString(9, draft.delivery().label());
    }

    private static Object nextRun(Draft draft, Instant now) {
        if (draft.cron() == null || !draft.enabled()) {
            return null;
        }
        return Schedule.parse(draft.cron(), draft.timeZone()).nextAfter(now).map(next -> next.atOffset(ZoneOffset.UTC)).orElse(null);
    }

    private static SQLException nameTaken(SQLException e, Draft draft) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            throw new InvalidReportException("name", "already used by another configuration: " + draft.name());
        }
        return e;
    }

    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidReportException(name, "expected a string");
        }
        return body.getString(name);
    }
}
