package dev.opsdeck.accounts.control;

import dev.opsdeck.accounts.entity.Account;
import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.records.control.ReadModelSearch;
import dev.opsdeck.records.control.ReadModelSearch.Equal;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keyset pages of accounts in id order, filtered as the API offers. */
public final class AccountSearch {

    private static final ReadModelSearch<Account> ACCOUNTS = new ReadModelSearch<>(Account.class, "accountId", Account::getAccountId);

    public record Filter(Optional<String> status, Optional<String> currency, Optional<UUID> ownerId) {
    }

    private AccountSearch() {
    }

    public static KeysetPage<Account> page(EntityManager em, Filter filter, Optional<UUID> after, int size) {
        return ACCOUNTS.page(em, List.of(new Equal("status", filter.status()), new Equal("currency", filter.currency()),
                new Equal("ownerId", filter.ownerId())), after, size);
    }
}
