package dev.opsdeck.records.control;

import dev.opsdeck.records.entity.RecordEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.query.NativeQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The recent events that touched a record, newest first, from the processed-events table; they reach back as far
 * as its retention period. Redeliveries of an event already applied are counted, not listed.
 */
@ApplicationScoped
public class RecordEvents {

    @PersistenceContext
    EntityManager em;

    /** Typed scalars, because the embedded database and PostgreSQL report the id and time columns as different JDBC types. */
    public List<RecordEvent> recent(UUID aggregateId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT event_id, event_type, outcome, occurred_at, processed_at "
                        + "FROM processed_event WHERE aggregate_id = ?1 ORDER BY processed_at DESC LIMIT ?2")
                .setParameter(1, aggregateId).setParameter(2, limit)
                .unwrap(NativeQuery.class)
                .addScalar("event_id", UUID.class).addScalar("event_type", String.class).addScalar("outcome", String.class)
                .addScalar("occurred_at", Instant.class).addScalar("processed_at", Instant.class)
                .getResultList();
        return rows.stream().map(row -> new RecordEvent((UUID) row[0], (String) row[1],
                ((String) row[2]).toLowerCase(Locale.ROOT), (Instant) row[3], (Instant) row[4])).toList();
    }
}
