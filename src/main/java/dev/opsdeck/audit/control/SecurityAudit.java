package dev.opsdeck.audit.control;

import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.security.entity.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Keeps every login, logout and change of a console user that security announces, as it happens (a synchronous observer). */
@ApplicationScoped
public class SecurityAudit {

    @Inject
    AuditTrail audit;

    void record(@Observes SecurityEvent event) {
        AuditRecord record = AuditRecord.of(event.actor(), event.clientAddress(), event.action(), event.outcome());
        if (event.user() != null) {
            record = record.on("user", event.user());
        }
        audit.record(event.details() == null ? record : record.details(event.details()));
    }
}
