package dev.opsdeck.notifications.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a rule watches. The failure kinds look back over the quiet period; the others are states that hold or not. */
public enum NotificationKind {

    DEAD_LETTERS("dead_letters", "Dead letters waiting above N"),
    STREAM_UNHEALTHY("stream_unhealthy", "Stream lagging or stalled"),
    APPROVAL_WAITING("approval_waiting", "Command awaiting approval"),
    COMMAND_FAILED("command_failed", "Command failed"),
    REPORT_FAILED("report_failed", "Report failed");

    private final String label;
    private final String title;

    NotificationKind(String label, String title) {
        this.label = label;
        this.title = title;
    }

    public String label() {
        return label;
    }

    public String title() {
        return title;
    }

    /** Whether a rule of this kind may be limited to one stream. */
    public boolean perStream() {
        return this == DEAD_LETTERS || this == STREAM_UNHEALTHY;
    }

    public static Optional<NotificationKind> of(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
    }
}
