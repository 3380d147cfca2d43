package dev.opsdeck.reports.boundary;

import dev.opsdeck.reports.entity.ReportRun;
import dev.opsdeck.reports.entity.RunStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** A report run for API callers; {@code download_url} is set once the file exists. */
public record ReportView(UUID id, String reportType, String status, Instant generatedAt, URI downloadUrl, String format,
                         Long configurationId, JsonObject parameters, String requestedBy, Instant requestedAt,
                         Instant scheduledFor, Instant startedAt, int progress, Long rowCount, Long sizeBytes,
                         String checksum, String error, Instant expiresAt) {

    // one provider for all calls: Json.create... looks the provider up on the class path every time
    private static final JsonProvider JSON = JsonProvider.provider();

    static ReportView of(ReportRun run, URI apiBase) {
        boolean ready = run.getStatus() == RunStatus.SUCCEEDED && run.getFileName() != null;
        return new ReportView(run.getId(), run.getReportType(), run.getStatus().label(),
                run.getStatus() == RunStatus.SUCCEEDED ? run.getFinishedAt() : null,
                ready ? apiBase.resolve("v1/reports/" + run.getId() + "/download") : null,
                run.getFormat(), run.getConfigurationId(), JSON.createReader(new StringReader(run.getParameters())).readObject(),
                run.getRequestedBy(), run.getRequestedAt(), run.getScheduledFor(), run.getStartedAt(), run.getProgress(),
                run.getRowCount(), run.getSizeBytes(), run.getChecksum(), run.getError(), run.getExpiresAt());
    }
}
