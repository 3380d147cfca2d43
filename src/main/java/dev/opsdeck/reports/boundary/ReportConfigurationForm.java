package dev.opsdeck.reports.boundary;

import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.security.boundary.SignedInUser;
import dev.opsdeck.reports.control.InvalidReportException;
import dev.opsdeck.reports.control.ReportConfigurations;
import dev.opsdeck.reports.control.ScheduleAudit;
import dev.opsdeck.security.entity.Action;
import dev.opsdeck.tables.control.ReportFormat;
import dev.opsdeck.reports.control.Reports;
import dev.opsdeck.reports.entity.ReportConfiguration;
import dev.opsdeck.reports.entity.ReportType;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Creates, changes and disables report configurations from the Reports page (admins only, checked here as well as
 * in the page). The fields go through the same checks as the API's, and each failure is shown at its field.
 */
@Named
@ViewScoped
public class ReportConfigurationForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Map<String, String> FIELDS = Map.of("name", "name", "report_type", "type", "format", "format",
            "parameters.from", "from", "parameters.to", "to", "parameters.state", "state", "cron", "cron",
            "time_zone", "time-zone", "recipients", "recipients", "delivery", "delivery");

    @Inject
    ReportList list;

    @Inject
    Reports reports;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityContext security;

    @Inject
    SignedInUser signedIn;

    private boolean editing;
    private Long id;
    private boolean wasEnabled;
    private String name;
    private String type = ReportType.PAYMENTS_SUMMARY.label();
    private String format = "csv";
    private String from;
    private String to;
    private String state = "waiting";
    private String cron;
    private String timeZone = "UTC";
    private boolean enabled = true;
    private final MailingFields mailing = new MailingFields();

    public boolean isDated() {
        return ReportType.PAYMENTS_SUMMARY.label().equals(type) || ReportType.REFUNDS.label().equals(type);
    }

    public boolean isDeadLetters() {
        return ReportType.DEAD_LETTERS.label().equals(type);
    }

    public void startNew() {
        editing = true;
        id = null;
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

    public void edit(long configurationId) {
        ReportConfiguration c = list.find(configurationId);
        if (c == null) {
            error(ReportList.MESSAGES, "No report configuration " + configurationId);
            return;
        }
        editing = true;
        id = c.getId();
        wasEnabled = c.isEnabled();
        name = c.getName();
        type = c.getReportType();
        format = c.getFormat();
        JsonObject parameters = JSON.createReader(new StringReader(c.getParameters())).readObject();
        from = parameters.getString("from", null);
        to = parameters.getString("to", null);
        state = parameters.getString("state", "waiting");
        cron = c.getCron();
        timeZone = c.getTimeZone() == null ? "UTC" : c.getTimeZone();
        enabled = c.isEnabled();
        mailing.load(c);
    }

    public void cancel() {
        editing = false;
    }

    public void save() {
        if (!mayConfigure()) {
            return;
        }
        try {
            store();
            editing = false;
        } catch (InvalidReportException e) {
            error("configurations:" + FIELDS.getOrDefault(e.field(), "form-panel"), e.getMessage());
        }
    }

    private void store() {
        try {
            ReportConfigurations.Draft draft = ReportConfigurations.draft(body());
            if (id == null) {
                long created = reports.configurations().create(draft, signedIn.getName());
                list.changed(created);
                audit(draft, ScheduleAudit.CREATED, created);
            } else {
                if (!reports.configurations().update(id, draft)) {
                    throw new InvalidReportException("id", "no report configuration " + id + ": another admin may have removed it");
                }
                list.changed(id);
                audit(draft, ScheduleAudit.changeAction(wasEnabled, draft), id);
            }
            FacesContext.getCurrentInstance().addMessage(ReportList.MESSAGES, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Saved " + draft.name() + (draft.enabled() ? "" : " (disabled)"), null));
        } catch (SQLException e) {
            throw new IllegalStateException("saving the report configuration failed: " + e.getMessage(), e);
        }
    }

    /** Turns a configuration's schedule off and leaves everything else as it is. */
    public void disable(long configurationId) {
        if (!mayConfigure()) {
            return;
        }
        edit(configurationId);
        if (!editing) {
            return;
        }
        enabled = false;
        try {
            store();
        } catch (InvalidReportException e) {
            error(ReportList.MESSAGES, "Could not disable it: " + e.getMessage());
        }
        editing = false;
    }

    private JsonObject body() {
        JsonObjectBuilder parameters = JSON.createObjectBuilder();
        if (isDated()) {
            putText(parameters, "from", from);
            putText(parameters, "to", to);
        }
        if (isDeadLetters()) {
            putText(parameters, "state", state);
        }
        JsonObjectBuilder body = JSON.createObjectBuilder().add("parameters", parameters).add("enabled", enabled);
        putText(body, "name", name);
        putText(body, "report_type", type);
        putText(body, "format", format);
        putText(body, "cron", cron);
        putText(body, "time_zone", timeZone);
        mailing.addTo(body);
        return body.build();
    }

    private static void putText(JsonObjectBuilder builder, String key, String value) {
        if (value != null && !value.isBlank()) {
            builder.add(key, value.trim());
        }
    }

    private void audit(ReportConfigurations.Draft draft, String action, long configurationId) {
        audit.record(ScheduleAudit.of(draft, action, configurationId, signedIn.getName(), signedIn.getClientAddress()));
    }

    private boolean mayConfigure() {
        if (!Action.REPORT_SCHEDULES_CHANGE.allows(security::isCallerInRole)) {
            error(ReportList.MESSAGES, Action.REPORT_SCHEDULES_CHANGE.refusal());
            return false;
        }
        return true;
    }

    private static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public MailingFields getMailing() {
        return mailing;
    }

    public boolean isEditing() {
        return editing;
    }

    public Long getId() {
        return id;
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
