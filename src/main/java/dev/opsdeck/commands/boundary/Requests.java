package dev.opsdeck.commands.boundary;

import dev.opsdeck.commands.control.ActionRefusedException;
import dev.opsdeck.security.entity.Caller;
import dev.opsdeck.security.entity.Role;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the action resources take from a request: the caller with its roles, and the reason from the body. */
final class Requests {

    private Requests() {
    }

    static Caller caller(SecurityContext security) {
        Set<String> roles = Stream.of(Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE)
                .filter(security::isUserInRole).collect(Collectors.toSet());
        return new Caller(security.getUserPrincipal().getName(), roles);
    }

    static String reason(JsonObject body) {
        if (body == null) {
            throw new ActionRefusedException(ActionRefusedException.Why.INVALID, "reason", "required: send {\"reason\": \"...\"}");
        }
        if (!body.containsKey("reason") || body.isNull("reason")) {
            throw new ActionRefusedException(ActionRefusedException.Why.INVALID, "reason", "required");
        }
        if (!(body.get("reason") instanceof JsonString text)) {
            throw new ActionRefusedException(ActionRefusedException.Why.INVALID, "reason", "expected a string");
        }
        return text.getString();
    }
}
