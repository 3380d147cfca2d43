package dev.opsdeck.payments.control;

import dev.opsdeck.payments.entity.Payment;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keyset pages of payments in id order: each page starts after the last id of the one before, so deep pages cost no scan. */
public final class PaymentSearch {

    public record Filter(Optional<String> status, Optional<String> currency, Optional<UUID> accountId) {
    }

    private PaymentSearch() {
    }

    public static List<Payment> page(EntityManager em, Filter filter, Optional<UUID> after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT p FROM Payment p WHERE 1 = 1");
        filter.status().ifPresent(s -> jpql.append(" AND p.status = :status"));
        filter.currency().ifPresent(c -> jpql.append(" AND p.currency = :currency"));
        filter.accountId().ifPresent(o -> jpql.append(" AND p.accountId = :accountId"));
        after.ifPresent(a -> jpql.append(" AND p.paymentId > :after"));
        jpql.append(" ORDER BY p.paymentId");
        TypedQuery<Payment> query = em.createQuery(jpql.toString(), Payment.class).setMaxResults(limit);
        filter.status().ifPresent(s -> query.setParameter("status", s));
        filter.currency().ifPresent(c -> query.setParameter("currency", c));
        filter.accountId().ifPresent(o -> query.setParameter("accountId", o));
        after.ifPresent(a -> query.setParameter("after", a));
        return query.getResultList();
    }
}
