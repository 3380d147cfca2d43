package dev.opsdeck.reports.boundary;

import dev.opsdeck.reports.entity.ReportConfiguration;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * The form's fields as the API's JSON body of a report configuration, so that the console's save goes through the
 * API's checks; and the fields of a saved configuration, its parameters read from their JSON.
 */
final class ReportConfigurationBody {

    // one provider for all calls: Json.create... looks the provider up on the class path every time
    private static final JsonProvider JSON = JsonProvider.provider();

    private ReportConfigurationBody() {
    }

    static JsonObject of(ReportConfigurationFields fields) {
        JsonObjectBuilder parameters = JSON.createObjectBuilder();
        if (fields.isDated()) {
            putText(parameters, "from", fields.getFrom());
            putText(parameters, "to", fields.getTo());
        }
        if (fields.isDeadLetters()) {
            putText(parameters, "state", fields.getState());
        }
        JsonObjectBuilder body = JSON.createObjectBuilder().add("parameters", parameters).add("enabled", fields.isEnabled());
        putText(body, "name", fields.getName());
        putText(body, "report_type", fields.getType());
        putText(body, "format", fields.getFormat());
        putText(body, "cron", fields.getCron());
        putText(body, "time_zone", fields.getTimeZone());
        fields.getMailing().addTo(body);
        return body.build();
    }

    static void load(ReportConfiguration configuration, ReportConfigurationFields fields) {
        fields.setName(configuration.getName());
        fields.setType(configuration.getReportType());
        fields.setFormat(configuration.getFormat());
        JsonObject parameters = JSON.createReader(new StringReader(configuration.getParameters())).readObject();
        fields.setFrom(parameters.getString("from", null));
        fields.setTo(parameters.getString("to", null));
        fields.setState(parameters.getString("state", "waiting"));
        fields.setCron(configuration.getCron());
        fields.setTimeZone(configuration.getTimeZone() == null ? "UTC" : configuration.getTimeZone());
        fields.setEnabled(configuration.isEnabled());
        fields.getMailing().load(configuration);
    }

    private static void putText(JsonObjectBuilder builder, String key, String value) {
        if (value != null && !value.isBlank()) {
            builder.add(key, value.trim());
        }
    }
}
