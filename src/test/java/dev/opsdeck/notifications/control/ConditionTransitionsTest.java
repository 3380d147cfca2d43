package dev.opsdeck.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.notifications.control.ConditionTransitions.Change;
import dev.opsdeck.notifications.control.ConditionTransitions.Told;
import dev.opsdeck.notifications.entity.ConditionState;
import dev.opsdeck.notifications.entity.NotificationKind;
import dev.opsdeck.notifications.entity.NotificationRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTransitionsTest {

    private static final Duration QUIET = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");
    private static final NotificationRule RULE = new NotificationRule(7, NotificationKind.DEAD_LETTERS, 10L, null,
            List.of("ops@example.com"), true, "ada", T0);
    private static final String KEY = "dead-letters:accounts";

    private static List<Change> decide(Map<String, ConditionState> known, Map<String, String> firing, Instant now) {
        return ConditionTransitions.decide(RULE, known, firing, now, QUIET);
    }

    @Test
    void aNewConditionIsToldAtOnceAndRemembered() {
        Change change = decide(Map.of(), Map.of(KEY, "12 waiting"), T0).get(0);
        assertTrue(change.isNew());
        assertEquals(Told.FIRED, change.entry().orElseThrow().told());
        assertEquals(T0, change.state().firstFiredAt());
        assertEquals(T0, change.state().lastNotifiedAt());
        assertNull(change.state().resolvedAt());
    }

    @Test
    void aConditionStillFiringInsideTheQuietPeriodIsNotToldAgainButItsDetailFollows() {
        ConditionState told = new ConditionState(7, KEY, "12 waiting", T0, T0, null);
        Change change = decide(Map.of(KEY, told), Map.of(KEY, "14 waiting"), T0.plus(Duration.ofMinutes(59))).get(0);
        assertTrue(change.entry().isEmpty());
        assertEquals("14 waiting", change.state().detail());
        assertEquals(T0, change.state().lastNotifiedAt());
    }

    @Test
    void aConditionStillFiringAfterTheQuietPeriodIsToldAgainAsStillFiring() {
        ConditionState told = new ConditionState(7, KEY, "12 waiting", T0, T0, null);
        Instant later = T0.plus(QUIET);
        Change change = decide(Map.of(KEY, told), Map.of(KEY, "30 waiting"), later).get(0);
        assertEquals(Told.STILL_FIRING, change.entry().orElseThrow().told());
        assertEquals(T0, change.entry().orElseThrow().since());
        assertEquals(later, change.state().lastNotifiedAt());
    }

    @Test
    void aToldConditionThatClearsGivesOneResolvedLine() {
        ConditionState told = new ConditionState(7, KEY, "12 waiting", T0, T0, null);
        Instant cleared = T0.plus(Duration.ofMinutes(5));
        Change change = decide(Map.of(KEY, told), Map.of(), cleared).get(0);
        assertEquals(Told.RESOLVED, change.entry().orElseThrow().told());
        assertEquals(cleared, change.state().resolvedAt());
        assertTrue(decide(Map.of(KEY, change.state()), Map.of(), cleared.plusSeconds(60)).isEmpty(), "resolved once only");
    }

    @Test
    void aConditionFiringAgainInsideTheQuietPeriodIsReopenedSilentlyAndItsEndIsNotTold() {
        ConditionState resolved = new ConditionState(7, KEY, "12 waiting", T0, T0, T0.plusSeconds(300));
        Instant again = T0.plusSeconds(600);
        Change reopened = decide(Map.of(KEY, resolved), Map.of(KEY, "11 waiting"), again).get(0);
        assertTrue(reopened.entry().isEmpty());
        assertNull(reopened.state().resolvedAt());
        assertEquals(again, reopened.state().firstFiredAt());
        Change clearedAgain = decide(Map.of(KEY, reopened.state()), Map.of(), again.plusSeconds(60)).get(0);
        assertTrue(clearedAgain.entry().isEmpty(), "its recipients never heard of this episode");
        Change stillThere = decide(Map.of(KEY, reopened.state()), Map.of(KEY, "11 waiting"), T0.plus(QUIET)).get(0);
        assertEquals(Told.FIRED, stillThere.entry().orElseThrow().told(), "told after the quiet period, as news");
    }

    @Test
    void aConditionFiringAgainAfterTheQuietPeriodIsANewEpisode() {
        ConditionState resolved = new ConditionState(7, KEY, "12 waiting", T0, T0, T0.plusSeconds(300));
        Instant again = T0.plus(QUIET).plusSeconds(1);
        Change change = decide(Map.of(KEY, resolved), Map.of(KEY, "20 waiting"), again).get(0);
        assertEquals(Told.FIRED, change.entry().orElseThrow().told());
        assertEquals(again, change.state().firstFiredAt());
        assertFalse(change.isNew());
    }
}
