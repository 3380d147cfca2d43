package dev.opsdeck.reports.boundary;

import dev.opsdeck.reports.control.InvalidReportException;
import dev.opsdeck.reports.control.ReportConfigurationChanges;
import dev.opsdeck.reports.control.ReportConfigurations;
import dev.opsdeck.reports.entity.ReportConfiguration;
import dev.opsdeck.security.boundary.SignedInUser;
import dev.opsdeck.security.entity.Action;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.Map;

/**
 * Creates, changes and disables report configurations from the Reports page (admins only, checked here as well as
 * in the page). The fields go through the same checks as the API's, and each failure is shown at its field.
 */
@Named
@ViewScoped
public class ReportConfigurationForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("name", "name", "report_type", "type", "format", "format",
            "parameters.from", "from", "parameters.to", "to", "parameters.state", "state", "cron", "cron",
            "time_zone", "time-zone", "recipients", "recipients", "delivery", "delivery");

    @Inject
    ReportList list;

    @Inject
    ReportConfigurationChanges changes;

    @Inject
    SecurityContext security;

    @Inject
    SignedInUser signedIn;

    private boolean editing;
    private Long id;
    private boolean wasEnabled;
    private final ReportConfigurationFields fields = new ReportConfigurationFields();

    public void startNew() {
        editing = true;
        id = null;
        fields.clear();
    }

    public void edit(long configurationId) {
        ReportConfiguration configuration = list.find(configurationId);
        if (configuration == null) {
            error(ReportList.MESSAGES, "No report configuration " + configurationId);
            return;
        }
        editing = true;
        id = configuration.getId();
        wasEnabled = configuration.isEnabled();
        ReportConfigurationBody.load(configuration, fields);
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

    /** Turns a configuration's schedule off and leaves everything else as it is. */
    public void disable(long configurationId) {
        if (!mayConfigure()) {
            return;
        }
        edit(configurationId);
        if (!editing) {
            return;
        }
        fields.setEnabled(false);
        try {
            store();
        } catch (InvalidReportException e) {
            error(ReportList.MESSAGES, "Could not disable it: " + e.getMessage());
        }
        editing = false;
    }

    private void store() {
        ReportConfigurations.Draft draft = ReportConfigurations.draft(ReportConfigurationBody.of(fields));
        try {
            if (id == null) {
                list.changed(changes.create(draft, signedIn.getName(), signedIn.getClientAddress()));
            } else {
                if (!changes.update(id, wasEnabled, draft, signedIn.getName(), signedIn.getClientAddress())) {
                    throw new InvalidReportException("id", "no report configuration " + id + ": another admin may have removed it");
                }
                list.changed(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("saving the report configuration failed: " + e.getMessage(), e);
        }
        FacesContext.getCurrentInstance().addMessage(ReportList.MESSAGES, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "Saved " + draft.name() + (draft.enabled() ? "" : " (disabled)"), null));
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

    public ReportConfigurationFields getFields() {
        return fields;
    }

    public boolean isEditing() {
        return editing;
    }

    public Long getId() {
        return id;
    }
}
