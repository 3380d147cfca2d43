package dev.opsdeck.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An account as the accounts service last described it. Filled from the event stream only (by the
 * ingestion component's SQL) and never written by console or API code, which only read it.
 */
@Entity
@Table(name = "accounts_read")
public class Account {

    @Id
    @Column(name = "account_id")
    private UUID accountId;
    @Column(name = "owner_id")
    private UUID ownerId;
    private String currency;
    @Column(name = "balance_cents")
    private long balanceCents;
    private String status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private Long version;
    @Column(name = "last_event_id")
    private UUID lastEventId;
    @Column(name = "last_event_at")
    private Instant lastEventAt;
    @Column(name = "synced_at")
    private Instant syncedAt;

    public UUID getAccountId() {
        return accountId;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public String getCurrency() {
        return currency;
    }

    public long getBalanceCents() {
        return balanceCents;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getVersion() {
        return version;
    }

    public UUID getLastEventId() {
        return lastEventId;
    }

    public Instant getLastEventAt() {
        return lastEventAt;
    }

    public Instant getSyncedAt() {
        return syncedAt;
    }
}
