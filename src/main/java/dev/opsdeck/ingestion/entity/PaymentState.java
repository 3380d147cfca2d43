package dev.opsdeck.ingestion.entity;

import java.time.Instant;
import java.util.UUID;

/** A {@code payment.*} payload: the full payment after the change. */
public record PaymentState(UUID paymentId, UUID accountId, long amountCents, String currency, String status,
                           Instant createdAt, Instant updatedAt, Long version) implements AggregateState {

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}
