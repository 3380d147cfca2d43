package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.RecordEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The recent events that touched a record, newest first, from the processed-events table; they reach back as far
 * as its retention period. Redeliveries of an event already applied are counted, not listed.
 */
@ApplicationScoped
public class RecordEvents {

    @PersistenceContext
    EntityManager em;

    public List<RecordEvent> recent(UUID aggregateId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT event_id, event_type, outcome, occurred_at, processed_at "
                        + "FROM processed_event WHERE aggregate_id = ?1 ORDER BY processed_at DESC LIMIT ?2")
                .setParameter(1, aggregateId).setParameter(2, limit).getResultList();
        return rows.stream().map(row -> new RecordEvent((UUID) row[0], (String) row[1], ((String) row[2]).toLowerCase(java.util.Locale.ROOT),
                instant(row[3]), instant(row[4]))).toList();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
