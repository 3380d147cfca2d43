package dev.opsdeck.commands.entity;

import java.time.Instant;
import java.util.UUID;

/** One stored action and everything known about its delivery: Opsdeck's own data, written only by the commands component. */
public record ActionCommand(UUID id, UUID idempotencyKey, String clientKey, ActionKind kind, UUID targetId,
                            String parameters, String reason, String requestedBy, String clientAddress,
                            Instant requestedAt, CommandState state, String outcome, int attempts, Integer lastStatus,
                            String lastMessage, Instant nextAttemptAt, String decidedBy, Instant decidedAt,
                            Instant sentAt, Instant answeredAt, Instant confirmedAt, boolean confirmationOverdue,
                            Instant updatedAt) {
}
