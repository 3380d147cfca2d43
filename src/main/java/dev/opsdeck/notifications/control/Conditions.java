package dev.opsdeck.notifications.control;

import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.notifications.entity.NotificationRule;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which of a rule's conditions fire, by condition key, each with the sentence its recipients read. Dead letters and
 * streams fire per stream ({@code dead-letters:accounts}, {@code stream:payments}), an approval per command
 * ({@code approval:<id>}); failed commands and failed reports each fire as one condition while any failed within the
 * look-back, listing the first few.
 */
public final class Conditions {

    static final int LISTED = 5;

    private Conditions() {
    }

    public static Map<String, String> firing(NotificationRule rule, ConditionFacts facts, Duration lookBack) {
        Map<String, String> firing = new LinkedHashMap<>();
        switch (rule.kind()) {
            case DEAD_LETTERS -> streams(rule).forEach(stream -> {
                long waiting = facts.deadLettersWaiting().getOrDefault(stream, 0L);
                if (waiting > rule.threshold()) {
                    firing.put("dead-letters:" + stream, waiting + " dead letters waiting on " + stream
                            + " (more than " + rule.threshold() + ")");
                }
            });
            case STREAM_UNHEALTHY -> streams(rule).forEach(stream -> {
                String alarm = facts.streamAlarms().get(stream);
                if (alarm != null) {
                    firing.put("stream:" + stream, stream + ": " + alarm);
                }
            });
            case APPROVAL_WAITING -> facts.awaitingApproval()
                    .forEach(command -> firing.put("approval:" + command.id(), command.text()));
            case COMMAND_FAILED -> failures(firing, "commands-failed", facts.failedCommands(), "command", lookBack);
            case REPORT_FAILED -> failures(firing, "reports-failed", facts.failedReports(), "report run", lookBack);
        }
        return firing;
    }

    private static List<String> streams(NotificationRule rule) {
        return rule.stream() != null ? List.of(rule.stream()) : Arrays.stream(Stream.values()).map(Stream::label).toList();
    }

    private static void failures(Map<String, String> firing, String key, List<ConditionFacts.Item> failed, String noun,
                                 Duration lookBack) {
        if (failed.isEmpty()) {
            return;
        }
        String listed = failed.stream().limit(LISTED).map(ConditionFacts.Item::text).collect(Collectors.joining("; "));
        firing.put(key, failed.size() + " " + noun + (failed.size() == 1 ? "" : "s") + " failed in the last "
                + Durations.words(lookBack) + ": " + listed + (failed.size() > LISTED ? "; ..." : ""));
    }
}
