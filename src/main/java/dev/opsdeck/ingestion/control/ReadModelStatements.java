package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.AccountState;
import dev.opsdeck.ingestion.entity.AggregateState;
import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.PaymentState;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The SQL that makes a delivery idempotent and order-proof inside the database: an event id is recorded
 * once, and a row changes only when the incoming version (or, without versions, updated_at) is newer.
 * PostgreSQL says it with INSERT ... ON CONFLICT, the embedded H2 with MERGE.
 */
public enum ReadModelStatements {

    POSTGRESQL(
            upsertOnConflict("accounts_read", "account_id", "owner_id, currency, balance_cents"),
            upsertOnConflict("payments_read", "payment_id", "account_id, amount_cents, currency")),
    H2(
            merge("accounts_read", "account_id", "owner_id UUID, currency CHAR(3), balance_cents BIGINT"),
            merge("payments_read", "payment_id", "account_id UUID, amount_cents BIGINT, currency CHAR(3)"));

    static final String RECORD_EVENT = "INSERT INTO processed_event "
            + "(event_id, stream, event_type, aggregate_id, outcome, occurred_at, processed_at) "
            + "VALUES (?, ?, ?, ?, 'applied', ?, ?) ON CONFLICT DO NOTHING";
    static final String MARK_STALE = "UPDATE processed_event SET outcome = 'stale' WHERE event_id = ?";

    static final String NEWER = "CASE WHEN %1$s.version IS NOT NULL AND %2$s.version IS NOT NULL "
            + "THEN %2$s.version > %1$s.version ELSE %2$s.updated_at > %1$s.updated_at END";

    private final String upsertAccount;
    private final String upsertPayment;

    ReadModelStatements(String upsertAccount, String upsertPayment) {
        this.upsertAccount = upsertAccount;
        this.upsertPayment = upsertPayment;
    }

    public static ReadModelStatements forProduct(String databaseProductName) {
        return databaseProductName.toLowerCase().contains("h2") ? H2 : POSTGRESQL;
    }

    String upsert(AggregateState state) {
        return state instanceof AccountState ? upsertAccount : upsertPayment;
    }

    /** Binds the columns in the order both statements declare them: id, three type-specific, then the common ones. */
    static void bindUpsert(PreparedStatement statement, Event event, Instant now) throws SQLException {
        int i = 1;
        if (event.state() instanceof AccountState a) {
            statement.setObject(i++, a.accountId());
            statement.setObject(i++, a.ownerId());
            statement.setString(i++, a.currency());
            statement.setLong(i++, a.balanceCents());
        } else if (event.state() instanceof PaymentState p) {
            statement.setObject(i++, p.paymentId());
            statement.setObject(i++, p.accountId());
            statement.setLong(i++, p.amountCents());
            statement.setString(i++, p.currency());
        }
        AggregateState state = event.state();
        statement.setString(i++, statusOf(state));
        statement.setObject(i++, utc(createdAtOf(state)));
        statement.setObject(i++, utc(state.updatedAt()));
        if (state.version() == null) {
            statement.setNull(i++, Types.BIGINT);
        } else {
            statement.setLong(i++, state.version());
        }
        statement.setObject(i++, event.id());
        statement.setObject(i++, utc(event.occurredAt()));
        statement.setObject(i, utc(now));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String statusOf(AggregateState state) {
        return state instanceof AccountState a ? a.status() : ((PaymentState) state).status();
    }

    private static Instant createdAtOf(AggregateState state) {
        return state instanceof AccountState a ? a.createdAt() : ((PaymentState) state).createdAt();
    }

    private static final String COMMON = "status, created_at, updated_at, version, last_event_id, last_event_at, synced_at";

    private static String upsertOnConflict(String table, String id, String specific) {
        String columns = id + ", " + specific + ", " + COMMON;
        StringBuilder set = new StringBuilder();
        for (String column : (specific + ", " + COMMON).split(",\\s*")) {
            set.append(set.isEmpty() ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
        }
        return "INSERT INTO " + table + " AS r (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (" + id + ") DO UPDATE SET " + set
                + " WHERE " + NEWER.formatted("r", "EXCLUDED");
    }

    private static String merge(String table, String id, String specificTyped) {
        String typed = id + " UUID, " + specificTyped + ", status VARCHAR(32), created_at TIMESTAMP WITH TIME ZONE, "
                + "updated_at TIMESTAMP WITH TIME ZONE, version BIGINT, last_event_id UUID, "
                + "last_event_at TIMESTAMP WITH TIME ZONE, synced_at TIMESTAMP WITH TIME ZONE";
        StringBuilder names = new StringBuilder();
        StringBuilder casts = new StringBuilder();
        StringBuilder set = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (String column : typed.split(",\\s*")) {
            String name = column.substring(0, column.indexOf(' '));
            String type = column.substring(column.indexOf(' ') + 1);
            names.append(names.isEmpty() ? "" : ", ").append(name);
            casts.append(casts.isEmpty() ? "" : ", ").append("CAST(? AS ").append(type).append(')');
            values.append(values.isEmpty() ? "" : ", ").append("s.").append(name);
            if (!name.equals(id)) {
                set.append(set.isEmpty() ? "" : ", ").append(name).append(" = s.").append(name);
            }
        }
        return "MERGE INTO " + table + " r USING (VALUES (" + casts + ")) s(" + names + ") ON r." + id + " = s." + id
                + " WHEN MATCHED AND " + NEWER.formatted("r", "s") + " THEN UPDATE SET " + set
                + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES (" + values + ")";
    }
}
