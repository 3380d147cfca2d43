package dev.opsdeck.records.control;

import dev.opsdeck.api.control.KeysetPage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pages of a read model in key order, as the API lists accounts and payments: each page starts after the
 * last key of the one before, so deep pages cost no scan. Which entity, its key and its filters are the caller's.
 */
public final class ReadModelSearch<T> {

    /** A filter: the entity's field must equal the value, when one is given. */
    public record Equal(String field, Optional<?> value) {
    }

    private final Class<T> entity;
    private final String key;
    private final Function<T, UUID> keyOf;

    /** key: the entity's UUID id field, by its Java name. */
    public ReadModelSearch(Class<T> entity, String key, Function<T, UUID> keyOf) {
        this.entity = entity;
        this.key = key;
        this.keyOf = keyOf;
    }

    public KeysetPage<T> page(EntityManager em, List<Equal> filters, Optional<UUID> after, int size) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM ").append(entity.getSimpleName()).append(" r WHERE 1 = 1");
        for (Equal filter : filters) {
            filter.value().ifPresent(v -> jpql.append(" AND r.").append(filter.field()).append(" = :").append(filter.field()));
        }
        after.ifPresent(a -> jpql.append(" AND r.").append(key).append(" > :after"));
        jpql.append(" ORDER BY r.").append(key);
        TypedQuery<T> query = em.createQuery(jpql.toString(), entity).setMaxResults(size + 1);
        for (Equal filter : filters) {
            filter.value().ifPresent(v -> query.setParameter(filter.field(), v));
        }
        after.ifPresent(a -> query.setParameter("after", a));
        return KeysetPage.of(query.getResultList(), size, keyOf);
    }
}
