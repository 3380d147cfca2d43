package dev.opsdeck.audit.control;

import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.audit.entity.AuditEntry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Optional;

/** Keyset pages of the audit log, newest first (by id, which grows with every entry), filtered; a target is an index lookup. */
public final class AuditSearch {

    public record Filter(Optional<String> actor, Optional<String> action, Optional<String> targetId,
                         Optional<Instant> from, Optional<Instant> to) {
    }

    private AuditSearch() {
    }

    public static KeysetPage<AuditEntry> page(EntityManager em, Filter filter, Optional<Long> before, int size) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEntry e WHERE 1 = 1");
        filter.actor().ifPresent(a -> jpql.append(" AND e.actor = :actor"));
        filter.action().ifPresent(a -> jpql.append(a.endsWith(".") ? " AND e.action LIKE :action" : " AND e.action = :action"));
        filter.targetId().ifPresent(t -> jpql.append(" AND e.id IN (SELECT t.entryId FROM AuditTarget t WHERE t.targetId = :target)"));
        filter.from().ifPresent(f -> jpql.append(" AND e.occurredAt >= :from"));
        filter.to().ifPresent(t -> jpql.append(" AND e.occurredAt < :to"));
        before.ifPresent(b -> jpql.append(" AND e.id < :before"));
        jpql.append(" ORDER BY e.id DESC");
        TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class).setMaxResults(size + 1);
        filter.actor().ifPresent(a -> query.setParameter("actor", a));
        filter.action().ifPresent(a -> query.setParameter("action", a.endsWith(".") ? a + "%" : a));
        filter.targetId().ifPresent(t -> query.setParameter("target", t));
        filter.from().ifPresent(f -> query.setParameter("from", f));
        filter.to().ifPresent(t -> query.setParameter("to", t));
        before.ifPresent(b -> query.setParameter("before", b));
        return KeysetPage.of(query.getResultList(), size, AuditEntry::getId);
    }
}
