package dev.opsdeck.reports.boundary;

import dev.opsdeck.reports.entity.ReportConfiguration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

public record ReportConfigurationView(long id, String name, String reportType, JsonObject parameters, String format,
                                      String cron, String timeZone, boolean enabled, String owner, Instant nextRunAt,
                                      List<String> recipients, String delivery) {

    // one provider for all calls: Json.create... looks the provider up on the class path every time
    private static final JsonProvider JSON = JsonProvider.provider();

    static ReportConfigurationView of(ReportConfiguration c) {
        return new ReportConfigurationView(c.getId(), c.getName(), c.getReportType(),
                JSON.createReader(new StringReader(c.getParameters())).readObject(), c.getFormat(), c.getCron(),
                c.getTimeZone(), c.isEnabled(), c.getOwner(), c.getNextRunAt(), c.getRecipients(), c.getDelivery());
    }
}
