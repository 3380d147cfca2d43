package dev.opsdeck.records.entity;

import java.util.List;
import java.util.Map;

/**
 * A read model as a console list sees it: its table, key, the columns a user may sort by (each backed by an
 * index that ends in the key), the two id columns a search looks in, and the statuses the contract names.
 */
public enum ReadModelTable {

    ACCOUNTS("accounts_read", "account_id", "owner_id", "synced",
            Map.of("id", "account_id", "owner", "owner_id", "currency", "currency", "balance", "balance_cents",
                    "status", "status", "synced", "synced_at", "created", "created_at"),
            List.of("active", "frozen", "closed"),
            List.of("id", "owner", "currency", "balance", "status", "synced")),
    PAYMENTS("payments_read", "payment_id", "account_id", "created",
            Map.of("id", "payment_id", "account", "account_id", "amount", "amount_cents", "currency", "currency",
                    "status", "status", "created", "created_at", "synced", "synced_at"),
            List.of("pending", "settled", "failed", "refund_requested", "refunded"),
            List.of("id", "account", "amount", "currency", "status", "created"));

    private final String table;
    private final String key;
    private final String secondaryId;
    private final String defaultSort;
    private final Map<String, String> sortColumns;
    private final List<String> knownStatuses;
    private final List<String> defaultColumns;

    ReadModelTable(String table, String key, String secondaryId, String defaultSort, Map<String, String> sortColumns,
                   List<String> knownStatuses, List<String> defaultColumns) {
        this.table = table;
        this.key = key;
        this.secondaryId = secondaryId;
        this.defaultSort = defaultSort;
        this.sortColumns = sortColumns;
        this.knownStatuses = knownStatuses;
        this.defaultColumns = defaultColumns;
    }

    public String table() {
        return table;
    }

    public String key() {
        return key;
    }

    public String secondaryId() {
        return secondaryId;
    }

    public String defaultSort() {
        return defaultSort;
    }

    public Map<String, String> sortColumns() {
        return sortColumns;
    }

    public List<String> knownStatuses() {
        return knownStatuses;
    }

    public List<String> defaultColumns() {
        return defaultColumns;
    }

    public String pageName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
