package dev.opsdeck.records.entity;

import java.time.Instant;
import java.util.UUID;

/** An event that touched one record, and what applying it did (applied, or stale). Getters are for EL 5, which cannot read record components. */
public record RecordEvent(UUID eventId, String type, String outcome, Instant occurredAt, Instant processedAt) {

    public UUID getEventId() {
        return eventId;
    }

    public String getType() {
        return type;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }
}
