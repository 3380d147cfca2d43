package dev.opsdeck.security.control;

import dev.opsdeck.security.entity.Caller;
import java.util.Optional;

/** The outcome of a login attempt: the caller signed in, or the message the login page shows. */
public record LoginResult(Optional<Caller> caller, long userId, String message) {

    static LoginResult signedIn(Caller caller, long userId) {
        return new LoginResult(Optional.of(caller), userId, null);
    }

    static LoginResult refused(String message) {
        return new LoginResult(Optional.empty(), 0, message);
    }

    public boolean succeeded() {
        return caller.isPresent();
    }
}
