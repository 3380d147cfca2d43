package dev.opsdeck.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.notifications.entity.NotificationKind;
import dev.opsdeck.notifications.entity.NotificationRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private static NotificationRule rule(NotificationKind kind, Long threshold, String stream) {
        return new NotificationRule(1, kind, threshold, stream, List.of("ops@example.com"), true, "ada", Instant.EPOCH);
    }

    private static ConditionFacts facts(Map<String, Long> deadLetters, Map<String, String> alarms) {
        return new ConditionFacts(deadLetters, alarms, List.of(), List.of(), List.of());
    }

    @Test
    void deadLettersFireOnlyAboveTheThresholdPerStream() {
        Map<String, String> firing = Conditions.firing(rule(NotificationKind.DEAD_LETTERS, 10L, null),
                facts(Map.of("accounts", 11L, "payments", 10L), Map.of()), HOUR);
        assertEquals(Map.of("dead-letters:accounts", "11 dead letters waiting on accounts (more than 10)"), firing);
    }

    @Test
    void aRuleLimitedToOneStreamWatchesOnlyThatStream() {
        ConditionFacts facts = facts(Map.of("accounts", 50L, "payments", 50L),
                Map.of("accounts", "Lagging: ...", "payments", "Stalled: ..."));
        assertEquals(List.of("dead-letters:payments"),
                List.copyOf(Conditions.firing(rule(NotificationKind.DEAD_LETTERS, 0L, "payments"), facts, HOUR).keySet()));
        assertEquals(Map.of("stream:accounts", "accounts: Lagging: ..."),
                Conditions.firing(rule(NotificationKind.STREAM_UNHEALTHY, null, "accounts"), facts, HOUR));
    }

    @Test
    void everyCommandAwaitingApprovalIsAConditionOfItsOwn() {
        ConditionFacts facts = new ConditionFacts(Map.of(), Map.of(), List.of(new ConditionFacts.Item("a", "refund of 1.00 EUR"),
                new ConditionFacts.Item("b", "refund of 1500 JPY")), List.of(), List.of());
        assertEquals(List.of("approval:a", "approval:b"),
                List.copyOf(Conditions.firing(rule(NotificationKind.APPROVAL_WAITING, null, null), facts, HOUR).keySet()));
    }

    @Test
    void failuresFireAsOneConditionListingTheFirstFew() {
        List<ConditionFacts.Item> failed = IntStream.range(0, 7).mapToObj(i -> new ConditionFacts.Item("r" + i, "run " + i)).toList();
        ConditionFacts facts = new ConditionFacts(Map.of(), Map.of(), List.of(), List.of(), failed);
        Map<String, String> firing = Conditions.firing(rule(NotificationKind.REPORT_FAILED, null, null), facts, HOUR);
        assertEquals(List.of("reports-failed"), List.copyOf(firing.keySet()));
        String detail = firing.get("reports-failed");
        assertTrue(detail.startsWith("7 report runs failed in the last 1 h: run 0; run 1"), detail);
        assertTrue(detail.endsWith("run 4; ..."), detail);
        assertTrue(Conditions.firing(rule(NotificationKind.COMMAND_FAILED, null, null), facts, HOUR).isEmpty());
    }
}
