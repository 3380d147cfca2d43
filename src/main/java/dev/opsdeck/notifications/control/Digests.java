package dev.opsdeck.notifications.control;

import dev.opsdeck.notifications.control.ConditionTransitions.Entry;
import dev.opsdeck.notifications.control.ConditionTransitions.Told;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One check's digest lines gathered per recipient, and the template model of one recipient's digest. */
public final class Digests {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Digests() {
    }

    /** Every recipient of a rule with lines, with all their lines of every rule: one digest each. */
    public static Map<String, List<Entry>> byRecipient(List<Entry> entries) {
        Map<String, List<Entry>> digests = new LinkedHashMap<>();
        for (Entry entry : entries) {
            for (String recipient : entry.rule().recipients()) {
                List<Entry> lines = digests.computeIfAbsent(recipient.toLowerCase(java.util.Locale.ROOT), r -> new ArrayList<>());
                if (!lines.contains(entry)) {
                    lines.add(entry);
                }
            }
        }
        return digests;
    }

    public static Map<String, Object> model(List<Entry> entries, Instant checkedAt, ZoneId zone, Duration quiet, String rulesLink) {
        List<Map<String, Object>> firing = new ArrayList<>();
        List<Map<String, Object>> resolved = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("rule", entry.rule().title());
            line.put("key", entry.key());
            line.put("detail", entry.detail());
            line.put("since", format(entry.since(), zone));
            if (entry.told() == Told.RESOLVED) {
                line.put("until", format(entry.until(), zone));
                resolved.add(line);
            } else {
                line.put("reminder", entry.told() == Told.STILL_FIRING);
                firing.add(line);
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("checked_at", format(checkedAt, zone));
        model.put("time_zone", zone.getId());
        model.put("quiet_period", Durations.words(quiet));
        model.put("rules_link", rulesLink);
        model.put("firing", firing);
        model.put("resolved", resolved);
        model.put("firing_count", firing.size());
        model.put("resolved_count", resolved.size());
        model.put("has_firing", !firing.isEmpty());
        model.put("has_resolved", !resolved.isEmpty());
        model.put("both", !firing.isEmpty() && !resolved.isEmpty());
        return model;
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
