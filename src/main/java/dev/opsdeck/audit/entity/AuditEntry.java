package dev.opsdeck.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One audit log entry. Append-only: Opsdeck never updates or deletes one, and PostgreSQL refuses it by trigger. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    private String action;
    @Column(name = "target_type")
    private String targetType;
    @Column(name = "target_ids")
    private String targetIds;
    private String outcome;
    private String details;
    @Column(name = "client_address")
    private String clientAddress;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, AuditRecord record) {
        this.occurredAt = occurredAt;
        this.actor = record.actor();
        this.action = record.action();
        this.targetType = record.targetType();
        this.targetIds = joined(record.targetIds());
        this.outcome = record.outcome();
        this.details = record.details();
        this.clientAddress = record.clientAddress();
    }

    private static String joined(java.util.List<String> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        String all = String.join(",", ids);
        return all.length() <= AuditRecord.MAX_TEXT ? all
                : all.substring(0, AuditRecord.MAX_TEXT - 40) + "… (" + ids.size() + " records in all)";
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public String getTargetIds() {
        return targetIds;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getDetails() {
        return details;
    }

    public String getClientAddress() {
        return clientAddress;
    }
}
