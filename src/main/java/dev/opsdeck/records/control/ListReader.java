package dev.opsdeck.records.control;

import dev.opsdeck.records.entity.ListState;
import dev.opsdeck.records.entity.ReadModelTable;
import dev.opsdeck.records.entity.RowCount;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Reads console lists from the read models. It never counts a large table exactly: up to {@link #EXACT_UP_TO}
 * matches are counted, beyond that PostgreSQL's planner estimate is shown as "about".
 */
@ApplicationScoped
public class ListReader {

    public static final int EXACT_UP_TO = 10_000;
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.e+]+)");
    private static final long CURRENCIES_FRESH_MS = 60_000;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    private volatile Boolean postgres;
    private final Map<ReadModelTable, Currencies> currencies = new ConcurrentHashMap<>();

    private record Currencies(List<String> codes, long readAt) {
    }

    public <T> List<T> page(ReadModelTable table, ListState state, Class<T> entity) {
        ListQuery query = ListQuery.of(table, state);
        Query page = em.createNativeQuery(query.pageSql(), entity);
        int position = 1;
        for (Object parameter : query.parameters()) {
            page.setParameter(position++, parameter);
        }
        page.setParameter(position++, state.size());
        page.setParameter(position, (long) state.offset());
        @SuppressWarnings("unchecked")
        List<T> rows = page.getResultList();
        return rows;
    }

    public RowCount count(ReadModelTable table, ListState state) {
        ListQuery query = ListQuery.of(table, state);
        try (Connection connection = dataSource.getConnection()) {
            if (!query.filtered() && isPostgres(connection)) {
                long estimate = tableEstimate(connection, table);
                if (estimate > EXACT_UP_TO) {
                    return new RowCount(estimate, false);
                }
            }
            long bounded = boundedCount(connection, query);
            if (bounded <= EXACT_UP_TO) {
                return new RowCount(bounded, true);
            }
            return isPostgres(connection) ? new RowCount(Math.max(bounded, planEstimate(connection, query)), false)
                    : new RowCount(exactCount(connection, query), true);
        } catch (SQLException e) {
            throw new IllegalStateException("counting " + table.table() + " failed: " + e.getMessage(), e);
        }
    }

    /** The currencies present, read with a loose index scan (one index probe per currency) and kept for a minute. */
    public List<String> currencies(ReadModelTable table) {
        Currencies cached = currencies.get(table);
        if (cached != null && System.currentTimeMillis() - cached.readAt() < CURRENCIES_FRESH_MS) {
            return cached.codes();
        }
        String sql = "WITH RECURSIVE c(code) AS ((SELECT MIN(currency) FROM " + table.table() + ") UNION ALL "
                + "SELECT (SELECT MIN(currency) FROM " + table.table() + " WHERE currency > c.code) FROM c WHERE c.code IS NOT NULL) "
                + "SELECT code FROM c WHERE code IS NOT NULL";
        List<String> codes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                codes.add(result.getString(1).trim());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the currencies of " + table.table() + " failed: " + e.getMessage(), e);
        }
        currencies.put(table, new Currencies(List.copyOf(codes), System.currentTimeMillis()));
        return codes;
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
        return postgres;
    }

    private static long tableEstimate(Connection connection, ReadModelTable table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = ?::regclass")) {
            statement.setString(1, table.table());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : -1;
            }
        }
    }

    private static long boundedCount(Connection connection, ListQuery query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query.boundedCountSql())) {
            int position = bind(statement, query);
            statement.setInt(position, EXACT_UP_TO + 1);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static long exactCount(Connection connection, ListQuery query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                query.boundedCountSql().replace(" LIMIT ?", ""))) {
            bind(statement, query);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static long planEstimate(Connection connection, ListQuery query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query.estimateSql())) {
            bind(statement, query);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Matcher rows = PLAN_ROWS.matcher(result.getString(1));
                return rows.find() ? (long) Double.parseDouble(rows.group(1)) : EXACT_UP_TO + 1;
            }
        }
    }

    static int bind(PreparedStatement statement, ListQuery query) throws SQLException {
        int position = 1;
        for (Object parameter : query.parameters()) {
            statement.setObject(position++, parameter);
        }
        return position;
    }
}
