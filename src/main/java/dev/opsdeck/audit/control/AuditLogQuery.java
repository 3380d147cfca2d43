package dev.opsdeck.audit.control;

import dev.opsdeck.audit.entity.AuditEntry;
import dev.opsdeck.audit.entity.AuditFilter;
import dev.opsdeck.schema.control.Schema;
import dev.opsdeck.tables.control.ExportLimits;
import dev.opsdeck.tables.control.TableWriter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the audit log newest first. The log grows without bound, so it is never counted in full: pages follow
 * each other by keyset on (occurred_at, id), and the count stops at {@link #COUNTED_UP_TO}.
 */
@ApplicationScoped
public class AuditLogQuery {

    public static final int COUNTED_UP_TO = 10_000;
    public static final List<String> EXPORT_HEADERS = List.of("id", "occurred_at", "actor", "client_address", "action",
            "target_type", "target_ids", "outcome", "details");
    private static final String COLUMNS = "id, occurred_at, actor, action, target_type, target_ids, outcome, details, client_address";
    private static final int FETCH_SIZE = 2_000;
    private static final long ACTIONS_FRESH_MS = 60_000;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    ExportLimits limits;

    private volatile List<String> actions;
    private volatile long actionsReadAt;

    /** Where a page ends: the next page starts after it. */
    public record Cursor(Instant occurredAt, long id) {
        public static Cursor after(AuditEntry entry) {
            return new Cursor(entry.getOccurredAt(), entry.getId());
        }
    }

    /** A page after the cursor, or at an offset when the page's cursor is unknown (a jump within the counted rows). */
    public List<AuditEntry> page(AuditFilter filter, Cursor after, int offset, int size) {
        Where where = where(filter);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE ").append(where.sql);
        List<Object> parameters = new ArrayList<>(where.parameters);
        if (after != null) {
            sql.append(" AND (occurred_at, id) < (?, ?)");
            parameters.add(after.occurredAt().atOffset(ZoneOffset.UTC));
            parameters.add(after.id());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?");
        parameters.add(size);
        parameters.add(after != null ? 0 : Math.min(offset, COUNTED_UP_TO));
        Query query = em.createNativeQuery(sql.toString(), AuditEntry.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<AuditEntry> rows = query.getResultList();
        return rows;
    }

    /** How many entries match, counting no further than {@link #COUNTED_UP_TO} + 1. */
    public long boundedCount(AuditFilter filter) {
        Where where = where(filter);
        String sql = "SELECT COUNT(*) FROM (SELECT 1 FROM audit_log WHERE " + where.sql + " LIMIT ?) matching";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int position = bind(statement, where.parameters);
            statement.setInt(position, COUNTED_UP_TO + 1);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the audit log failed: " + e.getMessage(), e);
        }
    }

    /** The actions the log holds, read with a loose index scan (one probe per action) and kept for a minute. */
    public List<String> actions() {
        List<String> cached = actions;
        if (cached != null && System.currentTimeMillis() - actionsReadAt < ACTIONS_FRESH_MS) {
            return cached;
        }
        String sql = "WITH RECURSIVE a(name) AS ((SELECT MIN(action) FROM audit_log) UNION ALL "
                + "SELECT (SELECT MIN(action) FROM audit_log WHERE action > a.name) FROM a WHERE a.name IS NOT NULL) "
                + "SELECT name FROM a WHERE name IS NOT NULL";
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit actions failed: " + e.getMessage(), e);
        }
        actions = List.copyOf(names);
        actionsReadAt = System.currentTimeMillis();
        return actions;
    }

    /** Streams every matching entry, newest first, through a database cursor; returns how many were written. */
    public long export(AuditFilter filter, TableWriter writer) throws SQLException {
        Where where = where(filter);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (writer; PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_log WHERE " + where.sql + " ORDER BY occurred_at DESC, id DESC")) {
                limits.applyStatementTimeout(connection);
                statement.setFetchSize(FETCH_SIZE);
                bind(statement, where.parameters);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        OffsetDateTime at = result.getObject("occurred_at", OffsetDateTime.class);
                        writer.row(Arrays.asList(result.getLong("id"), at == null ? null : at.toInstant(),
                                result.getString("actor"), result.getString("client_address"), result.getString("action"),
                                result.getString("target_type"), result.getString("target_ids"), result.getString("outcome"),
                                result.getString("details")));
                    }
                }
                connection.commit();
                return writer.rows();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private record Where(String sql, List<Object> parameters) {
    }

    private static Where where(AuditFilter filter) {
        StringBuilder sql = new StringBuilder("1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            parameters.add(filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            parameters.add(filter.action());
        }
        if (filter.targetId() != null) {
            sql.append(" AND id IN (SELECT entry_id FROM audit_log_target WHERE target_id = ?)");
            parameters.add(filter.targetId());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            parameters.add(filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            parameters.add(filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return new Where(sql.toString(), parameters);
    }

    private static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int position = 1;
        for (Object parameter : parameters) {
            statement.setObject(position++, parameter);
        }
        return position;
    }
}
