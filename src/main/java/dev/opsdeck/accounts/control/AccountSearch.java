package dev.opsdeck.accounts.control;

import dev.opsdeck.accounts.entity.Account;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keyset pages of accounts in id order: each page starts after the last id of the one before, so deep pages cost no scan. */
public final class AccountSearch {

    public record Filter(Optional<String> status, Optional<String> currency, Optional<UUID> ownerId) {
    }

    private AccountSearch() {
    }

    public static List<Account> page(EntityManager em, Filter filter, Optional<UUID> after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT a FROM Account a WHERE 1 = 1");
        filter.status().ifPresent(s -> jpql.append(" AND a.status = :status"));
        filter.currency().ifPresent(c -> jpql.append(" AND a.currency = :currency"));
        filter.ownerId().ifPresent(o -> jpql.append(" AND a.ownerId = :ownerId"));
        after.ifPresent(a -> jpql.append(" AND a.accountId > :after"));
        jpql.append(" ORDER BY a.accountId");
        TypedQuery<Account> query = em.createQuery(jpql.toString(), Account.class).setMaxResults(limit);
        filter.status().ifPresent(s -> query.setParameter("status", s));
        filter.currency().ifPresent(c -> query.setParameter("currency", c));
        filter.ownerId().ifPresent(o -> query.setParameter("ownerId", o));
        after.ifPresent(a -> query.setParameter("after", a));
        return query.getResultList();
    }
}
