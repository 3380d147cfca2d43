package dev.opsdeck.records.control;

import dev.opsdeck.records.entity.ListState;
import dev.opsdeck.records.entity.ReadModelTable;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The SQL of one console list: a WHERE clause every part of which an index serves (an id search becomes a key
 * range, so a prefix search is a range scan too), and an ORDER BY that always ends in the key so pages are stable.
 */
public final class ListQuery {

    static final int MIN_PREFIX = 4;

    private final ReadModelTable table;
    private final String where;
    private final List<Object> parameters;
    private final String orderBy;

    private ListQuery(ReadModelTable table, String where, List<Object> parameters, String orderBy) {
        this.table = table;
        this.where = where;
        this.parameters = Collections.unmodifiableList(parameters);
        this.orderBy = orderBy;
    }

    public static ListQuery of(ReadModelTable table, ListState state) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        in(conditions, parameters, "status", state.statuses());
        in(conditions, parameters, "currency", state.currencies());
        if (state.createdFrom() != null) {
            conditions.add("created_at >= ?");
            parameters.add(state.createdFrom().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (state.createdTo() != null) {
            conditions.add("created_at < ?");
            parameters.add(state.createdTo().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (state.search() != null) {
            search(table, state.search(), conditions, parameters);
        }
        String direction = state.descending() ? " DESC" : " ASC";
        String sortColumn = table.sortColumns().get(state.sort());
        String orderBy = sortColumn.equals(table.key()) ? table.key() + direction
                : sortColumn + direction + ", " + table.key() + direction;
        return new ListQuery(table, conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters, orderBy);
    }

    /**
     * One page. The inner query reads only keys in index order and skips the offset there; the outer one fetches
     * the full rows of just that page.
     */
    public String pageSql() {
        return "SELECT t.* FROM (SELECT " + table.key() + " AS page_key FROM " + table.table() + where + " ORDER BY " + orderBy
                + " LIMIT ? OFFSET ?) k JOIN " + table.table() + " t ON t." + table.key() + " = k.page_key ORDER BY "
                + qualified(orderBy);
    }

    /** Counts matches, but stops at {@code limit}: beyond that the console shows the planner's estimate. */
    public String boundedCountSql() {
        return "SELECT COUNT(*) FROM (SELECT 1 FROM " + table.table() + where + " LIMIT ?) c";
    }

    public String estimateSql() {
        return "EXPLAIN (FORMAT JSON) SELECT 1 FROM " + table.table() + where;
    }

    /** Every match in list order, for an export. */
    public String allSql() {
        return "SELECT * FROM " + table.table() + where + " ORDER BY " + orderBy;
    }

    public List<Object> parameters() {
        return parameters;
    }

    public boolean filtered() {
        return !where.isEmpty();
    }

    private static String qualified(String orderBy) {
        StringBuilder out = new StringBuilder();
        for (String part : orderBy.split(", ")) {
            out.append(out.length() == 0 ? "" : ", ").append("t.").append(part);
        }
        return out.toString();
    }

    private static void in(List<String> conditions, List<Object> parameters, String column, java.util.Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        conditions.add(column + " IN (" + String.join(", ", Collections.nCopies(sorted.size(), "?")) + ")");
        parameters.addAll(sorted);
    }

    private static void search(ReadModelTable table, String search, List<String> conditions, List<Object> parameters) {
        String hex = search.replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.length() == 32) {
            UUID id = uuid(hex);
            conditions.add("(" + table.key() + " = ? OR " + table.secondaryId() + " = ?)");
            parameters.add(id);
            parameters.add(id);
            return;
        }
        if (hex.length() < MIN_PREFIX || hex.length() > 32) {
            throw new ListState.InvalidListState("q: give a whole id or at least its first " + MIN_PREFIX + " hex digits");
        }
        UUID low = uuid(hex + "0".repeat(32 - hex.length()));
        UUID high = uuid(hex + "f".repeat(32 - hex.length()));
        conditions.add("(" + table.key() + " BETWEEN ? AND ? OR " + table.secondaryId() + " BETWEEN ? AND ?)");
        parameters.add(low);
        parameters.add(high);
        parameters.add(low);
        parameters.add(high);
    }

    private static UUID uuid(String hex) {
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }
}
