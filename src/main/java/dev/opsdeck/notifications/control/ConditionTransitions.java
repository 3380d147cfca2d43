package dev.opsdeck.notifications.control;

import dev.opsdeck.notifications.entity.ConditionState;
import dev.opsdeck.notifications.entity.NotificationRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quiet period: what one check changes in a rule's conditions and what its recipients are told. A condition is
 * told when it begins to fire and again while it keeps firing once the quiet period has passed since they were last
 * told; one that fires again within the quiet period after they were told is reopened silently. A condition whose
 * recipients were told of it is told once more, as resolved, when it clears.
 */
public final class ConditionTransitions {

    private ConditionTransitions() {
    }

    public enum Told { FIRED, STILL_FIRING, RESOLVED }

    /** A line of a digest. */
    public record Entry(NotificationRule rule, String key, String detail, Instant since, Instant until, Told told) {
    }

    /** The condition's state after the check (to insert when it is new), and the digest line it gives, if any. */
    public record Change(ConditionState state, boolean isNew, Optional<Entry> entry) {
    }

    public static List<Change> decide(NotificationRule rule, Map<String, ConditionState> known, Map<String, String> firing,
                                      Instant now, Duration quiet) {
        List<Change> changes = new ArrayList<>();
        firing.forEach((key, detail) -> {
            ConditionState before = known.get(key);
            if (before == null) {
                changes.add(new Change(new ConditionState(rule.id(), key, detail, now, now, null), true,
                        Optional.of(new Entry(rule, key, detail, now, null, Told.FIRED))));
                return;
            }
            boolean quietOver = before.lastNotifiedAt() == null || !now.isBefore(before.lastNotifiedAt().plus(quiet));
            Instant firstFired = before.open() ? before.firstFiredAt() : now;
            if (!quietOver) {
                changes.add(new Change(new ConditionState(rule.id(), key, detail, firstFired, before.lastNotifiedAt(), null),
                        false, Optional.empty()));
                return;
            }
            boolean toldOfThisEpisode = before.open() && before.notifiedThisEpisode();
            changes.add(new Change(new ConditionState(rule.id(), key, detail, firstFired, now, null), false,
                    Optional.of(new Entry(rule, key, detail, firstFired, null, toldOfThisEpisode ? Told.STILL_FIRING : Told.FIRED))));
        });
        known.values().stream().filter(ConditionState::open).filter(state -> !firing.containsKey(state.key())).forEach(state -> {
            ConditionState resolved = new ConditionState(rule.id(), state.key(), state.detail(), state.firstFiredAt(),
                    state.lastNotifiedAt(), now);
            changes.add(new Change(resolved, false, state.notifiedThisEpisode()
                    ? Optional.of(new Entry(rule, state.key(), state.detail(), state.firstFiredAt(), now, Told.RESOLVED))
                    : Optional.empty()));
        });
        return changes;
    }
}
