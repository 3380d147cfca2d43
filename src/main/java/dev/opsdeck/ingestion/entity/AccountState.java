package dev.opsdeck.ingestion.entity;

import java.time.Instant;
import java.util.UUID;

/** An {@code account.*} payload: the full account after the change. */
public record AccountState(UUID accountId, UUID ownerId, String currency, long balanceCents, String status,
                           Instant createdAt, Instant updatedAt, Long version) implements AggregateState {

    @Override
    public UUID aggregateId() {
        return accountId;
    }
}
