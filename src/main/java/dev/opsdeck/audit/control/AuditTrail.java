package dev.opsdeck.audit.control;

import dev.opsdeck.audit.entity.AuditEntry;
import dev.opsdeck.audit.entity.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Writes audit entries in a transaction of their own, so that an entry stays even when the action it describes
 * fails and rolls back.
 */
@ApplicationScoped
public class AuditTrail {

    static final int MAX_TARGET_ID = 64;

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditEntry record(AuditRecord record) {
        AuditEntry entry = new AuditEntry(clock.instant(), record);
        em.persist(entry);
        em.flush();
        for (String target : distinct(record.targetIds())) {
            em.createNativeQuery("INSERT INTO audit_log_target (entry_id, target_type, target_id) VALUES (?1, ?2, ?3)")
                    .setParameter(1, entry.getId())
                    .setParameter(2, record.targetType())
                    .setParameter(3, target)
                    .executeUpdate();
        }
        return entry;
    }

    private static List<String> distinct(List<String> ids) {
        return ids.stream().filter(id -> id != null && !id.isBlank() && id.length() <= MAX_TARGET_ID).distinct().toList();
    }
}
