package dev.opsdeck.reports.boundary;

import dev.opsdeck.security.boundary.SignedInUser;
import dev.opsdeck.reports.control.InvalidReportException;
import dev.opsdeck.tables.control.ReportFormat;
import dev.opsdeck.reports.control.ReportParameters;
import dev.opsdeck.reports.control.ReportRequests;
import dev.opsdeck.reports.control.Reports;
import dev.opsdeck.reports.entity.ReportConfiguration;
import dev.opsdeck.reports.entity.ReportRun;
import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.reports.entity.RunStatus;
import dev.opsdeck.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Reports page: saved configurations, runs requested on demand (operators and admins), and the recent runs with
 * their files. Viewers read and download.
 */
@Named
@RequestScoped
public class ReportList {

    static final int RECENT_RUNS = 30;
    static final String MESSAGES = "configurations:table-panel";
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    EntityManager em;

    @Inject
    Reports reports;

    @Inject
    SecurityContext security;

    @Inject
    SignedInUser signedIn;

    private List<ReportConfiguration> configurations;
    private List<ReportRun> runs;

    public List<ReportConfiguration> getConfigurations() {
        if (configurations == null) {
            configurations = em.createQuery("SELECT c FROM ReportConfiguration c ORDER BY c.name", ReportConfiguration.class)
                    .setMaxResults(500).getResultList();
        }
        return configurations;
    }

    public ReportConfiguration find(long id) {
        return em.find(ReportConfiguration.class, id);
    }

    /** Called after a configuration changed underneath JPA (the control writes with JDBC). */
    public void changed(long id) {
        em.getEntityManagerFactory().getCache().evict(ReportConfiguration.class, id);
        configurations = null;
    }

    public List<ReportRun> getRuns() {
        if (runs == null) {
            runs = em.createQuery("SELECT r FROM ReportRun r ORDER BY r.requestedAt DESC, r.id DESC", ReportRun.class)
                    .setMaxResults(RECENT_RUNS).getResultList();
        }
        return runs;
    }

    public boolean isMayRequest() {
        return security.isCallerInRole(Role.OPERATOR);
    }

    public boolean isMayConfigure() {
        return security.isCallerInRole(Role.ADMIN);
    }

    public boolean isActive(ReportRun run) {
        return run.getStatus() == RunStatus.QUEUED || run.getStatus() == RunStatus.RUNNING;
    }

    public boolean isAnyActive() {
        return getRuns().stream().anyMatch(this::isActive);
    }

    public boolean isDownloadable(ReportRun run) {
        return run.getStatus() == RunStatus.SUCCEEDED && run.getFileName() != null
                && (run.getExpiresAt() == null || run.getExpiresAt().isAfter(java.time.Instant.now()));
    }

    public String configurationName(Long id) {
        if (id == null) {
            return "ad hoc";
        }
        return getConfigurations().stream().filter(c -> c.getId() == id).map(ReportConfiguration::getName).findFirst()
                .orElse("#" + id);
    }

    /** Parameters as {@code from 2026-11-01, to 2026-11-30}, or "none". */
    public String parameters(String json) {
        if (json == null || json.isBlank()) {
            return "none";
        }
        var object = JSON.createReader(new StringReader(json)).readObject();
        if (object.isEmpty()) {
            return "none";
        }
        return object.entrySet().stream().map(e -> e.getKey() + " " + (e.getValue() instanceof jakarta.json.JsonString s
                ? s.getString() : e.getValue().toString())).collect(Collectors.joining(", "));
    }

    public String size(Long bytes) {
        if (bytes == null) {
            return "—";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    public void request(long configurationId) {
        if (!security.isCallerInRole(Role.OPERATOR)) {
            message(FacesMessage.SEVERITY_ERROR, "Only operators and admins may request a run");
            return;
        }
        ReportConfiguration configuration = find(configurationId);
        if (configuration == null) {
            message(FacesMessage.SEVERITY_ERROR, "No report configuration " + configurationId);
            return;
        }
        try {
            ReportType type = ReportType.of(configuration.getReportType()).orElseThrow();
            var parameters = ReportParameters.validate(type, JSON.createReader(new StringReader(configuration.getParameters())).readObject());
            UUID id = reports.request(new ReportRequests.Request(configuration.getId(), type,
                    ReportFormat.parse(configuration.getFormat()), parameters, signedIn.getName(), null));
            message(FacesMessage.SEVERITY_INFO, "Requested a run of " + configuration.getName() + " (" + id + ")");
            runs = null;
        } catch (InvalidReportException e) {
            message(FacesMessage.SEVERITY_ERROR, "This configuration cannot run: " + e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("queueing a run of " + configurationId + " failed: " + e.getMessage(), e);
        }
    }

    public List<String> getTypes() {
        return Arrays.stream(ReportType.values()).map(ReportType::label).toList();
    }

    public List<String> getFormats() {
        return Arrays.stream(ReportFormat.values()).map(ReportFormat::extension).toList();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(MESSAGES, new FacesMessage(severity, text, null));
    }
}
