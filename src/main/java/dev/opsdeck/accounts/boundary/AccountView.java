package dev.opsdeck.accounts.boundary;

import dev.opsdeck.accounts.entity.Account;
import java.time.Instant;
import java.util.UUID;

/** An account in the contract's field names, plus when Opsdeck last applied an event to it. */
public record AccountView(UUID accountId, UUID ownerId, String currency, long balanceCents, String status,
                          Instant createdAt, Instant updatedAt, Long version, Instant syncedAt) {

    static AccountView of(Account account) {
        return new AccountView(account.getAccountId(), account.getOwnerId(), account.getCurrency(), account.getBalanceCents(),
                account.getStatus(), account.getCreatedAt(), account.getUpdatedAt(), account.getVersion(), account.getSyncedAt());
    }
}
