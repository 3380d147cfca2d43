package dev.opsdeck.records.boundary;

import dev.opsdeck.process.control.InteractiveRequests;
import dev.opsdeck.records.control.ListPreferences;
import dev.opsdeck.records.control.ListReader;
import dev.opsdeck.records.entity.ListState;
import dev.opsdeck.records.entity.ReadModelTable;
import dev.opsdeck.records.entity.RowCount;
import dev.opsdeck.records.entity.SavedView;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A console list over a read model. Its state lives in the page's query string (kept in step as the user pages,
 * sorts and filters), so the same URL reopens the same list; with no query string the user's last view returns.
 */
public abstract class ReadModelList<T> implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ReadModelList.class.getName());

    @Inject
    ListReader reader;

    @Inject
    ListPreferences preferences;

    @Inject
    SecurityContext security;

    @Inject
    InteractiveRequests interactiveRequests;

    private final ReadModelTable table;
    private final Class<T> entity;
    private ListState state;
    private RowCount count;
    private LazyDataModel<T> model;
    private final ListFilterForm filters = new ListFilterForm();
    private String viewName;
    private boolean rememberedOnce;
    private List<SavedView> savedViews;
    private List<T> selected = new ArrayList<>();
    /** The rows open() read for the page's first render, and the state they are for; used once. */
    private transient List<T> openedRows;
    private transient ListState openedRowsState;
    /** The shown columns by name, and the state they are of. */
    private transient Map<String, Boolean> shownColumns;
    private transient ListState shownColumnsState;

    protected ReadModelList(ReadModelTable table, Class<T> entity) {
        this.table = table;
        this.entity = entity;
    }

    protected abstract Object keyOf(T row);

    /** Runs before the first render: reads the state from the query string, or restores the user's last view. */
    public void open() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String query = ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getQueryString();
        if (query == null || query.isBlank()) {
            String last = preferences.lastQuery(user(), table.pageName()).orElse(null);
            if (last != null) {
                external.redirect(external.getRequestContextPath() + "/" + table.pageName() + "/index.xhtml?" + last);
                FacesContext.getCurrentInstance().responseComplete();
                return;
            }
        }
        try {
            state = ListState.parse(table, query);
        } catch (IllegalArgumentException e) {
            state = ListState.defaults(table);
            error("This link's list settings are not valid: " + e.getMessage() + ". Showing the default list.");
        }
        filters.show(state);
        count = reader.count(table, state);
        model = new Model();
        readBeforeRendering();
    }

    /**
     * An opened page reads all it shows (rows, saved views, currencies) and remembers its state before it renders, then
     * tells ingestion it is done with the database: ingestion's writer waits for the reading only, not the rendering.
     */
    private void readBeforeRendering() {
        openedRows = reader.page(table, state, entity);
        openedRowsState = state;
        getSavedViews();
        getKnownCurrencies();
        loaded(state);
        interactiveRequests.doneWithDatabase();
    }

    public void filter() {
        try {
            ListState filtered = filters.applyTo(state, table.defaultColumns());
            ListState.parse(table, filtered.toQueryString());
            dev.opsdeck.records.control.ListQuery.of(table, filtered);
            show(filtered);
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
    }

    public void reset() {
        show(ListState.defaults(table).withSize(state.size()));
        filters.show(state);
    }

    /**
     * The page's columns are chosen when its tree is built (a rendered="" per column would be asked again for every
     * cell), so other columns need the page built anew: opened at the new state's address.
     */
    private void show(ListState next) {
        boolean otherColumns = !next.columns().equals(state.columns());
        state = next;
        count = reader.count(table, state);
        if (otherColumns) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            try {
                external.redirect(external.getRequestContextPath() + "/" + table.pageName() + "/index.xhtml?" + state.toQueryString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void saveView() {
        try {
            preferences.save(user(), table.pageName(), viewName, state.viewQueryString());
            savedViews = null;
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_INFO, "View saved", "Saved as '" + viewName.trim() + "'"));
            viewName = null;
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
    }

    public List<SavedView> getSavedViews() {
        if (savedViews == null) {
            savedViews = preferences.views(user(), table.pageName());
        }
        return savedViews;
    }

    public void deleteView(long id) {
        preferences.delete(user(), id);
        savedViews = null;
    }

    public String getQueryString() {
        return state.toQueryString();
    }

    public String getExportQuery() {
        return state.viewQueryString();
    }

    public String getCountText() {
        if (count == null) {
            return "";
        }
        String noun = table.pageName();
        return count.describe() + " " + (count.exact() && count.rows() == 1 ? noun.substring(0, noun.length() - 1) : noun);
    }

    public boolean isCountExact() {
        return count == null || count.exact();
    }

    /**
     * The shown columns by name, for the page's c:if test="#{list.shown.id}" around each column. A postback builds the
     * page before it looks for its view state, so with a state this instance does not hold (an expired view, a page
     * another instance rendered) the bean is new and unopened: the default columns then, so the expiry is reported.
     */
    public Map<String, Boolean> getShown() {
        if (shownColumns == null || shownColumnsState != state) {
            Map<String, Boolean> columns = new HashMap<>();
            (state == null ? table.defaultColumns() : state.columns()).forEach(column -> columns.put(column, Boolean.TRUE));
            shownColumns = columns;
            shownColumnsState = state;
        }
        return shownColumns;
    }

    public int getFirst() {
        return state.offset();
    }

    public int getRows() {
        return state.size();
    }

    public SortMeta getSortBy() {
        return SortMeta.builder().field(state.sort()).order(state.descending() ? SortOrder.DESCENDING : SortOrder.ASCENDING).build();
    }

    public List<String> getKnownStatuses() {
        List<String> known = new ArrayList<>(table.knownStatuses());
        state.statuses().stream().filter(status -> !known.contains(status)).forEach(known::add);
        return known;
    }

    public List<String> getKnownCurrencies() {
        List<String> known = new ArrayList<>(reader.currencies(table));
        state.currencies().stream().filter(code -> !known.contains(code)).forEach(known::add);
        return known;
    }

    public List<String> getAllColumns() {
        return new ArrayList<>(table.sortColumns().keySet().stream().sorted().toList());
    }

    public LazyDataModel<T> getModel() {
        return model;
    }


    private void loaded(ListState shown) {
        boolean changed = !shown.equals(state);
        state = shown;
        PrimeFaces primeFaces = PrimeFaces.current();
        if (primeFaces.isAjaxRequest()) {
            primeFaces.executeScript("history.replaceState(null, '', '?" + shown.toQueryString().replace("'", "%27") + "');");
            primeFaces.ajax().update("list:count", "list:export-links");
        }
        if (changed || !rememberedOnce) {
            rememberedOnce = true;
            try {
                preferences.remember(user(), table.pageName(), shown.size(), shown.toQueryString());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not remember the list settings", e);
            }
        }
    }

    private String user() {
        return security.getCallerPrincipal().getName();
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private final class Model extends LazyDataModel<T> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            if (count == null) {
                count = reader.count(table, state);
            }
            return (int) Math.min(Integer.MAX_VALUE, count.rows());
        }

        @Override
        public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            ListState shown = state.withPaging(first, pageSize);
            SortMeta sort = sortBy.values().stream().filter(SortMeta::isActive).findFirst().orElse(null);
            if (sort != null && table.sortColumns().containsKey(sort.getField())) {
                boolean descending = sort.getOrder() == SortOrder.DESCENDING;
                if (!sort.getField().equals(shown.sort()) || descending != shown.descending()) {
                    shown = shown.withSort(sort.getField(), descending).withPaging(first, pageSize);
                }
            }
            List<T> rows = openedRows != null && shown.equals(openedRowsState) ? openedRows : reader.page(table, shown, entity);
            openedRows = null;
            loaded(shown);
            interactiveRequests.doneWithDatabase();
            return rows;
        }

        @Override
        public String getRowKey(T row) {
            return String.valueOf(keyOf(row));
        }

        @Override
        public T getRowData(String rowKey) {
            return getWrappedData().stream().filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
        }
    }

    public List<T> getSelected() {
        return selected;
    }

    public void setSelected(List<T> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }

    public ListFilterForm getFilters() {
        return filters;
    }

    public String getViewName() {
        return viewName;
    }

    public void setViewName(String viewName) {
        this.viewName = viewName;
    }
}
