package dev.opsdeck.reports.boundary;

import dev.opsdeck.reports.entity.ReportType;
import java.io.Serializable;

/** What the report configuration form holds while an admin edits it, with a new configuration's defaults. */
public class ReportConfigurationFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String type;
    private String format;
    private String from;
    private String to;
    private String state;
    private String cron;
    private String timeZone;
    private boolean enabled;
    private final MailingFields mailing = new MailingFields();

    ReportConfigurationFields() {
        clear();
    }

    void clear() {
        name = null;
        type = ReportType.PAYMENTS_SUMMARY.label();
        format = "csv";
        from = null;
        to = null;
        state = "waiting";
        cron = null;
        timeZone = "UTC";
        enabled = true;
        mailing.clear();
    }

    /** The report takes a date range. */
    public boolean isDated() {
        return ReportType.PAYMENTS_SUMMARY.label().equals(type) || ReportType.REFUNDS.label().equals(type);
    }

    /** The report takes a dead-letter state. */
    public boolean isDeadLetters() {
        return ReportType.DEAD_LETTERS.label().equals(type);
    }

    public MailingFields getMailing() {
        return mailing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
