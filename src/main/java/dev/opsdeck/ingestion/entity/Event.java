package dev.opsdeck.ingestion.entity;

import java.time.Instant;
import java.util.UUID;

/** One event of the contract's envelope; {@code state} is null for a type Opsdeck does not know. */
public record Event(UUID id, String type, String source, Instant occurredAt, AggregateState state) {

    public boolean known() {
        return state != null;
    }
}
