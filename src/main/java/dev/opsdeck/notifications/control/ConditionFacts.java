package dev.opsdeck.notifications.control;

import java.util.List;
import java.util.Map;

/**
 * What one check saw across the fleet: dead letters waiting per stream, the streams' alarms (only the streams that
 * have one), the commands awaiting approval, and the commands and report runs that failed within the look-back.
 */
public record ConditionFacts(Map<String, Long> deadLettersWaiting, Map<String, String> streamAlarms, List<Item> awaitingApproval,
                             List<Item> failedCommands, List<Item> failedReports) {

    /** One command or run, by id, as a person reads it. */
    public record Item(String id, String text) {
    }

    public ConditionFacts {
        deadLettersWaiting = Map.copyOf(deadLettersWaiting);
        streamAlarms = Map.copyOf(streamAlarms);
        awaitingApproval = List.copyOf(awaitingApproval);
        failedCommands = List.copyOf(failedCommands);
        failedReports = List.copyOf(failedReports);
    }

    public static ConditionFacts none() {
        return new ConditionFacts(Map.of(), Map.of(), List.of(), List.of(), List.of());
    }
}
