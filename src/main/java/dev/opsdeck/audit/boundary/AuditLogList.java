package dev.opsdeck.audit.boundary;

import dev.opsdeck.audit.control.AuditLogQuery;
import dev.opsdeck.security.entity.Action;
import dev.opsdeck.audit.entity.AuditEntry;
import dev.opsdeck.audit.entity.AuditFilter;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit log page, newest first. Its filters are the page's query parameters, so a filtered log is a link;
 * paging follows the keyset of the previous page, and the count stops at {@link AuditLogQuery#COUNTED_UP_TO}.
 */
@Named
@ViewScoped
public class AuditLogList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditLogQuery query;

    @Inject
    SecurityContext security;

    private String actor;
    private String action;
    private String target;
    private LocalDate from;
    private LocalDate to;
    private AuditFilter filter = AuditFilter.none();
    private long count;
    private final Model model = new Model();

    /** Why the log is not shown to this caller, or null when they may read it. */
    public String getRefusal() {
        return Action.AUDIT_LOG_READ.allows(security::isCallerInRole) ? null : Action.AUDIT_LOG_READ.refusal();
    }

    public void open() {
        if (getRefusal() != null) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, getRefusal(), null));
            filter = AuditFilter.none();
            return;
        }
        try {
            filter = new AuditFilter(actor, action, target, from, to);
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            filter = AuditFilter.none();
        }
        count = query.boundedCount(filter);
    }

    /** Reloads the page with the filters in its address. */
    public String apply() {
        try {
            new AuditFilter(actor, action, target, from, to);
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        }
        return "/audit/index?faces-redirect=true&includeViewParams=true";
    }

    public String reset() {
        return "/audit/index?faces-redirect=true";
    }

    public String getCountText() {
        if (count > AuditLogQuery.COUNTED_UP_TO) {
            return String.format(java.util.Locale.ROOT, "More than %,d entries: the pages go back that far, narrow the filters or export to see older ones",
                    AuditLogQuery.COUNTED_UP_TO);
        }
        return String.format(java.util.Locale.ROOT, "%,d %s", count, count == 1 ? "entry" : "entries");
    }

    public String getExportQuery() {
        return filter.parameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public List<String> getActions() {
        if (getRefusal() != null) {
            return List.of();
        }
        List<String> known = query.actions();
        if (filter.action() != null && !known.contains(filter.action())) {
            known = new java.util.ArrayList<>(known);
            known.add(filter.action());
        }
        return known;
    }

    public LazyDataModel<AuditEntry> getModel() {
        return model;
    }

    private final class Model extends LazyDataModel<AuditEntry> {

        private static final long serialVersionUID = 1L;
        // the last row of each page shown so far, by the offset of the page after it
        private final Map<Integer, AuditLogQuery.Cursor> cursors = new HashMap<>();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(count, AuditLogQuery.COUNTED_UP_TO);
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            if (getRefusal() != null) {
                return List.of();
            }
            List<AuditEntry> rows = query.page(filter, first == 0 ? null : cursors.get(first), first, pageSize);
            if (!rows.isEmpty()) {
                cursors.put(first + rows.size(), AuditLogQuery.Cursor.after(rows.get(rows.size() - 1)));
            }
            return rows;
        }

        @Override
        public String getRowKey(AuditEntry row) {
            return String.valueOf(row.getId());
        }

        @Override
        public AuditEntry getRowData(String rowKey) {
            return getWrappedData().stream().filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
        }
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
