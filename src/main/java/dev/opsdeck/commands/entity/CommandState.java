package dev.opsdeck.commands.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a command stands. {@code pending}: stored, not yet sent. {@code sent}: an attempt may have reached the
 * service and no answer is known yet (it is retried with the same key). {@code accepted}/{@code rejected}: the
 * service answered. {@code failed}: given up, its outcome says whether anything was sent. {@code confirmed}: the
 * service's event showed the change. {@code awaiting_approval}: held for a second operator.
 */
public enum CommandState {

    AWAITING_APPROVAL, PENDING, SENT, ACCEPTED, REJECTED, FAILED, CONFIRMED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** No further change comes from Opsdeck's side, although an accepted one may still be confirmed. */
    public boolean answered() {
        return this == ACCEPTED || this == REJECTED || this == FAILED || this == CONFIRMED;
    }

    public static Optional<CommandState> of(String label) {
        for (CommandState state : values()) {
            if (state.label().equals(label)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
