package dev.opsdeck.commands.boundary;

import dev.opsdeck.commands.control.ActionRequests;
import dev.opsdeck.commands.entity.ActionCommand;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/** A command for API callers: what was asked, where it stands, and the service's last answer. */
public record CommandView(UUID id, String kind, String targetType, UUID targetId, String state, String outcome,
                          String reason, JsonObject parameters, String requestedBy, Instant requestedAt,
                          UUID idempotencyKey, int attempts, Integer lastStatus, String lastMessage, Instant nextAttemptAt,
                          String decidedBy, Instant decidedAt, Instant sentAt, Instant answeredAt, Instant confirmedAt,
                          boolean confirmationOverdue, Instant updatedAt) {

    private static final JsonProvider JSON = JsonProvider.provider();

    static CommandView of(ActionCommand c) {
        return new CommandView(c.id(), c.kind().label(), c.kind().targetType(), c.targetId(), c.state().label(),
                ActionRequests.describe(c), c.reason(), JSON.createReader(new StringReader(c.parameters())).readObject(),
                c.requestedBy(), c.requestedAt(), c.idempotencyKey(), c.attempts(), c.lastStatus(), c.lastMessage(),
                c.nextAttemptAt(), c.decidedBy(), c.decidedAt(), c.sentAt(), c.answeredAt(), c.confirmedAt(),
                c.confirmationOverdue(), c.updatedAt());
    }
}
