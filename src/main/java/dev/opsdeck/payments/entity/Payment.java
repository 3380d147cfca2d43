package dev.opsdeck.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment as the payments service last described it. Filled from the event stream only (by the
 * ingestion component's SQL) and never written by console or API code, which only read it.
 */
@Entity
@Table(name = "payments_read")
public class Payment {

    @Id
    @Column(name = "payment_id")
    private UUID paymentId;
    @Column(name = "account_id")
    private UUID accountId;
    private String currency;
    @Column(name = "amount_cents")
    private long amountCents;
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

    public UUID getPaymentId() {
        return paymentId;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public String getCurrency() {
        return currency;
    }

    public long getAmountCents() {
        return amountCents;
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
