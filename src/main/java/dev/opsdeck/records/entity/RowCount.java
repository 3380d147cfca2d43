package dev.opsdeck.records.entity;

/** How many rows a list has: exact when counting was cheap, else the database planner's estimate. */
public record RowCount(long rows, boolean exact) {

    public String describe() {
        if (exact) {
            return String.format(java.util.Locale.ROOT, "%,d", rows);
        }
        if (rows >= 1_000_000) {
            return String.format(java.util.Locale.ROOT, "about %.1fM", rows / 1_000_000.0);
        }
        if (rows >= 10_000) {
            return String.format(java.util.Locale.ROOT, "about %dk", Math.round(rows / 1_000.0));
        }
        return String.format(java.util.Locale.ROOT, "about %,d", rows);
    }
}
