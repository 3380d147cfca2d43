package dev.opsdeck.ingestion.entity;

import java.time.Instant;
import java.util.UUID;

public sealed interface AggregateState permits AccountState, PaymentState {

    UUID aggregateId();

    Instant updatedAt();

    Long version();
}
