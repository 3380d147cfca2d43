package dev.opsdeck.audit.boundary;

import dev.opsdeck.audit.entity.AuditEntry;
import java.time.Instant;
import java.util.List;

/** An audit entry for API callers; the ids it names as a list. */
public record AuditEntryView(long id, Instant occurredAt, String actor, String clientAddress, String action,
                             String targetType, List<String> targetIds, String outcome, String details) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.getId(), entry.getOccurredAt(), entry.getActor(), entry.getClientAddress(),
                entry.getAction(), entry.getTargetType(),
                entry.getTargetIds() == null ? List.of() : List.of(entry.getTargetIds().split(",")),
                entry.getOutcome(), entry.getDetails());
    }
}
