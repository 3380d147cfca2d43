package dev.opsdeck.ingestion.entity;

import java.util.Locale;

/** How many messages wait in a stream's durable queue, counted up to a cap; or why it could not be read. */
public record QueueDepth(long messages, boolean capped, String unavailable) {

    public static QueueDepth counted(long messages, long cap) {
        return new QueueDepth(Math.min(messages, cap), messages >= cap, null);
    }

    public static QueueDepth unavailable(String why) {
        return new QueueDepth(0, false, why);
    }

    public boolean known() {
        return unavailable == null;
    }

    public boolean waiting() {
        return known() && messages > 0;
    }

    public String label() {
        if (!known()) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%,d", messages) + (capped ? "+" : "");
    }
}
