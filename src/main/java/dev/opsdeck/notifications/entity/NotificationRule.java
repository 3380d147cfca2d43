package dev.opsdeck.notifications.entity;

import java.time.Instant;
import java.util.List;

/**
 * A rule an admin set: the kind it watches, its threshold (dead letters: more than this many), the stream it is
 * limited to (null: every stream), who is told, and whether it is checked.
 */
public record NotificationRule(long id, NotificationKind kind, Long threshold, String stream, List<String> recipients,
                               boolean enabled, String updatedBy, Instant updatedAt) {

    public NotificationRule {
        recipients = List.copyOf(recipients);
    }

    /** The rule as a person reads it, e.g. "Dead letters waiting above 10 (accounts)". */
    public String title() {
        String title = kind == NotificationKind.DEAD_LETTERS ? "Dead letters waiting above " + threshold : kind.title();
        return stream == null ? title : title + " (" + stream + ")";
    }

    public String getTitle() {
        return title();
    }

    public long getId() {
        return id;
    }

    public String getKind() {
        return kind.label();
    }

    public Long getThreshold() {
        return threshold;
    }

    public String getStream() {
        return stream;
    }

    public String getRecipients() {
        return String.join(", ", recipients);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
