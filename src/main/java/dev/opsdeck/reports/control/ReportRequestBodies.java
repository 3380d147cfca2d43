package dev.opsdeck.reports.control;

import dev.opsdeck.reports.entity.ReportConfiguration;
import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.tables.control.ReportFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads a run request as the API receives it: a saved configuration, whose parameters the body's may override, or
 * an ad hoc type, format and parameters. Every field is checked; a wrong one fails as {@link InvalidReportException}.
 */
@ApplicationScoped
public class ReportRequestBodies {

    // one provider for all calls: Json.create... looks the provider up on the class path every time
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    EntityManager em;

    public ReportRequests.Request read(JsonObject body, String caller) {
        if (body == null) {
            throw new InvalidReportException("body", "a JSON object is required");
        }
        return body.containsKey("configuration_id") ? fromConfiguration(body, caller) : adHoc(body, caller);
    }

    private ReportRequests.Request fromConfiguration(JsonObject body, String caller) {
        JsonValue idValue = body.get("configuration_id");
        if (!(idValue instanceof JsonNumber number) || !number.isIntegral()) {
            throw new InvalidReportException("configuration_id", "expected the integer id of a report configuration");
        }
        ReportConfiguration configuration = em.find(ReportConfiguration.class, number.longValue());
        if (configuration == null) {
            throw new InvalidReportException("configuration_id", "no report configuration " + number);
        }
        ReportType type = ReportType.of(configuration.getReportType()).orElseThrow();
        JsonObjectBuilder merged = JSON.createObjectBuilder(JSON.createReader(new StringReader(configuration.getParameters())).readObject());
        JsonObject overrides = object(body, "parameters");
        if (overrides != null) {
            overrides.forEach(merged::add);
        }
        Map<String, String> parameters = ReportParameters.validate(type, merged.build());
        return new ReportRequests.Request(configuration.getId(), type, ReportFormat.parse(configuration.getFormat()),
                parameters, caller, null);
    }

    private static ReportRequests.Request adHoc(JsonObject body, String caller) {
        String typeLabel = body.getString("report_type", null);
        if (typeLabel == null) {
            throw new InvalidReportException("report_type", "required unless configuration_id is given");
        }
        ReportType type = ReportType.of(typeLabel).orElseThrow(() -> new InvalidReportException("report_type",
                "expected account_balances, payments_summary, refunds or dead_letters, was " + typeLabel));
        ReportFormat format;
        try {
            format = ReportFormat.parse(body.getString("format", "csv"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidReportException("format", "expected csv, xlsx or pdf");
        }
        return new ReportRequests.Request(null, type, format, ReportParameters.validate(type, object(body, "parameters")),
                caller, null);
    }

    private static JsonObject object(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidReportException(name, "expected an object");
        }
        return value.asJsonObject();
    }
}
