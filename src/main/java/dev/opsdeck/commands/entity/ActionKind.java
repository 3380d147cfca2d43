package dev.opsdeck.commands.entity;

import java.util.Optional;
import java.util.Set;

/**
 * What a command asks a Go service to do, with the read-model status that makes it eligible and the statuses
 * whose arrival, through the event stream, confirm that the service did it.
 */
public enum ActionKind {

    REFUND("refund", "payment", "refund", "settled", Set.of("refund_requested", "refunded")),
    FREEZE("freeze", "account", "account.freeze", "active", Set.of("frozen")),
    UNFREEZE("unfreeze", "account", "account.unfreeze", "frozen", Set.of("active"));

    private final String label;
    private final String targetType;
    private final String auditAction;
    private final String eligibleStatus;
    private final Set<String> confirmingStatuses;

    ActionKind(String label, String targetType, String auditAction, String eligibleStatus, Set<String> confirmingStatuses) {
        this.label = label;
        this.targetType = targetType;
        this.auditAction = auditAction;
        this.eligibleStatus = eligibleStatus;
        this.confirmingStatuses = confirmingStatuses;
    }

    public String label() {
        return label;
    }

    public String targetType() {
        return targetType;
    }

    /** The audit action of a step of this kind, e.g. {@code refund.requested} or {@code account.freeze.accepted}. */
    public String audit(String step) {
        return auditAction + "." + step;
    }

    public String eligibleStatus() {
        return eligibleStatus;
    }

    public Set<String> confirmingStatuses() {
        return confirmingStatuses;
    }

    public String service() {
        return this == REFUND ? "payments" : "accounts";
    }

    public static Optional<ActionKind> of(String label) {
        for (ActionKind kind : values()) {
            if (kind.label.equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
