package dev.opsdeck.notifications.entity;

import java.time.Instant;

/**
 * What the checks remember of one rule's condition: when it last began to fire, when its recipients were last told
 * (null: not yet), and when it cleared (null: it still fires).
 */
public record ConditionState(long ruleId, String key, String detail, Instant firstFiredAt, Instant lastNotifiedAt,
                             Instant resolvedAt) {

    public boolean open() {
        return resolvedAt == null;
    }

    /** Whether the recipients were told of the current (or last) episode, so that its end is worth a message. */
    public boolean notifiedThisEpisode() {
        return lastNotifiedAt != null && !lastNotifiedAt.isBefore(firstFiredAt);
    }

    public long getRuleId() {
        return ruleId;
    }

    public String getKey() {
        return key;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getFirstFiredAt() {
        return firstFiredAt;
    }

    public Instant getLastNotifiedAt() {
        return lastNotifiedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getState() {
        return open() ? "firing" : "resolved";
    }
}
