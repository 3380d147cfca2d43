package dev.opsdeck.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A saved report: its type, parameters and format, and optionally a cron schedule in a time zone. */
@Entity
@Table(name = "report_configuration")
public class ReportConfiguration {

    @Id
    private long id;
    private String name;
    @Column(name = "report_type")
    private String reportType;
    private String parameters;
    private String format;
    private String cron;
    @Column(name = "time_zone")
    private String timeZone;
    private boolean enabled;
    private String owner;
    @Column(name = "next_run_at")
    private Instant nextRunAt;
    private String recipients;
    private String delivery;

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getReportType() {
        return reportType;
    }

    public String getParameters() {
        return parameters;
    }

    public String getFormat() {
        return format;
    }

    public String getCron() {
        return cron;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getNextRunAt() {
        return nextRunAt;
    }

    /** Comma-separated; empty when nobody gets the report by mail. */
    public List<String> getRecipients() {
        return recipients == null || recipients.isBlank() ? List.of() : List.of(recipients.split(","));
    }

    public String getDelivery() {
        return delivery;
    }
}
