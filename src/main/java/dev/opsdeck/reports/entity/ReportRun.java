package dev.opsdeck.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One run of a report: queued, then running in the background, then succeeded with its file or failed with its error. */
@Entity
@Table(name = "report_run")
public class ReportRun {

    @Id
    private UUID id;
    @Column(name = "configuration_id")
    private Long configurationId;
    @Column(name = "report_type")
    private String reportType;
    private String format;
    private String parameters;
    private String status;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "scheduled_for")
    private Instant scheduledFor;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    private int progress;
    @Column(name = "row_count")
    private Long rowCount;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    private String checksum;
    private String error;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "expires_at")
    private Instant expiresAt;

    public UUID getId() {
        return id;
    }

    public Long getConfigurationId() {
        return configurationId;
    }

    public String getReportType() {
        return reportType;
    }

    public String getFormat() {
        return format;
    }

    public String getParameters() {
        return parameters;
    }

    public RunStatus getStatus() {
        return RunStatus.valueOf(status.toUpperCase());
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getScheduledFor() {
        return scheduledFor;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public int getProgress() {
        return progress;
    }

    public Long getRowCount() {
        return rowCount;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public String getChecksum() {
        return checksum;
    }

    public String getError() {
        return error;
    }

    public String getFileName() {
        return fileName;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
