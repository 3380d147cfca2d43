package dev.opsdeck.testing;

import java.time.Instant;
import java.util.UUID;

/** Event bodies in the contract's envelope, as the Go services publish them. */
public final class Events {

    private Events() {
    }

    public static String account(UUID eventId, String type, UUID accountId, long balanceCents, String status,
                                 Long version, Instant updatedAt) {
        return """
                {"id":"%s","type":"%s","source":"accounts","occurred_at":"%s","payload":{"account_id":"%s",\
                "owner_id":"%s","currency":"EUR","balance_cents":%d,"status":"%s","created_at":"2026-11-01T00:00:00Z",\
                "updated_at":"%s"%s}}""".formatted(eventId, type, updatedAt, accountId, ownerOf(accountId), balanceCents, status,
                updatedAt, version == null ? "" : ",\"version\":" + version);
    }

    public static String payment(UUID eventId, String type, UUID paymentId, UUID accountId, long amountCents, String status,
                                 long version, Instant updatedAt) {
        return """
                {"id":"%s","type":"%s","source":"payments","occurred_at":"%s","payload":{"payment_id":"%s",\
                "account_id":"%s","amount_cents":%d,"currency":"USD","status":"%s","created_at":"2026-11-01T00:00:00Z",\
                "updated_at":"%s","version":%d}}""".formatted(eventId, type, updatedAt, paymentId, accountId, amountCents, status,
                updatedAt, version);
    }

    public static UUID ownerOf(UUID accountId) {
        return new UUID(accountId.getLeastSignificantBits(), accountId.getMostSignificantBits());
    }
}
