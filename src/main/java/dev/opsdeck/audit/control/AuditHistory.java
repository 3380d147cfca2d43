package dev.opsdeck.audit.control;

import dev.opsdeck.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The audit entries that name one record, newest first: a detail page's history. */
@ApplicationScoped
public class AuditHistory {

    @PersistenceContext
    EntityManager em;

    public List<AuditEntry> of(String targetId, int limit) {
        @SuppressWarnings("unchecked")
        List<Long> ids = em.createNativeQuery("SELECT entry_id FROM audit_log_target WHERE target_id = ?1 ORDER BY entry_id DESC LIMIT ?2")
                .setParameter(1, targetId).setParameter(2, limit).getResultList().stream()
                .map(id -> ((Number) id).longValue()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT e FROM AuditEntry e WHERE e.id IN :ids ORDER BY e.id DESC", AuditEntry.class)
                .setParameter("ids", ids).getResultList();
    }
}
