package dev.opsdeck.audit.entity;

import java.util.List;
import java.util.Objects;

/**
 * What an audit entry says: who ({@code actor}, from {@code clientAddress}) did what ({@code action}, a dotted name
 * such as {@code login.failed} or {@code refund.requested}) to which records, with what outcome.
 */
public record AuditRecord(String actor, String clientAddress, String action, String targetType, List<String> targetIds,
                          String outcome, String details) {

    public static final int MAX_TEXT = 8000;

    public AuditRecord {
        requireText(actor, "actor");
        requireText(action, "action");
        requireText(outcome, "outcome");
        targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
        if (!targetIds.isEmpty() && (targetType == null || targetType.isBlank())) {
            throw new IllegalArgumentException("an audit record that names records needs their type");
        }
        details = details == null || details.length() <= MAX_TEXT ? details : details.substring(0, MAX_TEXT - 1) + "…";
    }

    public static AuditRecord of(String actor, String clientAddress, String action, String outcome) {
        return new AuditRecord(actor, clientAddress, action, null, List.of(), outcome, null);
    }

    public AuditRecord on(String type, List<String> ids) {
        return new AuditRecord(actor, clientAddress, action, type, ids, outcome, details);
    }

    public AuditRecord on(String type, String id) {
        return on(type, List.of(id));
    }

    public AuditRecord details(String text) {
        return new AuditRecord(actor, clientAddress, action, targetType, targetIds, outcome, text);
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException("an audit record needs a non-blank " + name);
        }
    }
}
