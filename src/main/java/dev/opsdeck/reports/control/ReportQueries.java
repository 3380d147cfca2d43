package dev.opsdeck.reports.control;

import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.tables.control.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each report type reads from the read models. Totals are integer minor units per currency, never mixed:
 * every amount column comes with its currency and a rendering in that currency's units ({@link Money}).
 */
public final class ReportQueries {

    static final int FETCH_SIZE = 1_000;

    private ReportQueries() {
    }

    public static String title(ReportType type, Map<String, String> parameters) {
        String range = parameters.containsKey("from") ? " " + parameters.get("from") + " to " + parameters.get("to") : "";
        return switch (type) {
            case ACCOUNT_BALANCES -> "Account balances by currency and status";
            case PAYMENTS_SUMMARY -> "Payments per day, currency and status," + range;
            case REFUNDS -> "Refunds by currency" + (range.isEmpty() ? "" : "," + range);
            case DEAD_LETTERS -> "Dead letters (" + parameters.get("state") + ") by stream and reason";
        };
    }

    public static List<String> headers(ReportType type) {
        return switch (type) {
            case ACCOUNT_BALANCES -> List.of("currency", "status", "accounts", "balance_cents", "balance");
            case PAYMENTS_SUMMARY -> List.of("day", "currency", "status", "payments", "amount_cents", "amount");
            case REFUNDS -> List.of("currency", "requested", "requested_cents", "requested_amount", "confirmed",
                    "confirmed_cents", "confirmed_amount", "outstanding", "outstanding_cents", "outstanding_amount");
            case DEAD_LETTERS -> List.of("stream", "reason", "dead_letters", "first_seen", "last_seen");
        };
    }

    /** Streams the report's rows to the consumer, reading with a cursor so a large result never sits in memory. */
    public static void stream(Connection connection, ReportType type, Map<String, String> parameters,
                              RowConsumer rows) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql(type, parameters))) {
            query.setFetchSize(FETCH_SIZE);
            bind(query, type, parameters);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.accept(row(type, result));
                }
            }
        }
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(List<Object> row) throws SQLException;
    }

    private static String sql(ReportType type, Map<String, String> parameters) {
        boolean ranged = parameters.containsKey("from");
        return switch (type) {
            case ACCOUNT_BALANCES -> "SELECT currency, status, COUNT(*), SUM(balance_cents) FROM accounts_read "
                    + "GROUP BY currency, status ORDER BY currency, status";
            case PAYMENTS_SUMMARY -> "SELECT CAST(created_at AT TIME ZONE 'UTC' AS DATE) AS report_day, currency, status, COUNT(*), "
                    + "SUM(amount_cents) FROM payments_read WHERE created_at >= ? AND created_at < ? "
                    + "GROUP BY CAST(created_at AT TIME ZONE 'UTC' AS DATE), currency, status ORDER BY report_day, currency, status";
            case REFUNDS -> "SELECT currency, "
                    + "COUNT(*), SUM(amount_cents), "
                    + "SUM(CASE WHEN status = 'refunded' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'refunded' THEN amount_cents ELSE 0 END), "
                    + "SUM(CASE WHEN status = 'refund_requested' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN status = 'refund_requested' THEN amount_cents ELSE 0 END) "
                    + "FROM payments_read WHERE status IN ('refund_requested', 'refunded')"
                    + (ranged ? " AND updated_at >= ? AND updated_at < ?" : "")
                    + " GROUP BY currency ORDER BY currency";
            case DEAD_LETTERS -> "SELECT stream, reason, COUNT(*), MIN(first_seen), MAX(last_seen) FROM dead_letter "
                    + "WHERE state = ? GROUP BY stream, reason ORDER BY stream, COUNT(*) DESC, reason";
        };
    }

    private static void bind(PreparedStatement query, ReportType type, Map<String, String> parameters) throws SQLException {
        if (type == ReportType.DEAD_LETTERS) {
            query.setString(1, parameters.get("state"));
        } else if (parameters.containsKey("from")) {
            query.setObject(1, startOf(LocalDate.parse(parameters.get("from"))));
            query.setObject(2, startOf(LocalDate.parse(parameters.get("to")).plusDays(1)));
        }
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static List<Object> row(ReportType type, ResultSet r) throws SQLException {
        List<Object> row = new ArrayList<>();
        switch (type) {
            case ACCOUNT_BALANCES -> {
                String currency = r.getString(1).trim();
                row.add(currency);
                row.add(r.getString(2));
                row.add(r.getLong(3));
                addAmount(row, r.getLong(4), currency);
            }
            case PAYMENTS_SUMMARY -> {
                String currency = r.getString(2).trim();
                row.add(r.getObject(1, LocalDate.class).toString());
                row.add(currency);
                row.add(r.getString(3));
                row.add(r.getLong(4));
                addAmount(row, r.getLong(5), currency);
            }
            case REFUNDS -> {
                String currency = r.getString(1).trim();
                row.add(currency);
                row.add(r.getLong(2));
                addAmount(row, r.getLong(3), currency);
                row.add(r.getLong(4));
                addAmount(row, r.getLong(5), currency);
                row.add(r.getLong(6));
                addAmount(row, r.getLong(7), currency);
            }
            case DEAD_LETTERS -> {
                row.add(r.getString(1));
                row.add(r.getString(2));
                row.add(r.getLong(3));
                row.add(r.getObject(4, OffsetDateTime.class).toInstant().toString());
                row.add(r.getObject(5, OffsetDateTime.class).toInstant().toString());
            }
        }
        return row;
    }

    private static void addAmount(List<Object> row, long cents, String currency) {
        row.add(cents);
        row.add(Money.format(cents, currency));
    }
}
