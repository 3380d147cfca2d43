package dev.opsdeck.records.boundary;

import dev.opsdeck.audit.control.AuditHistory;
import dev.opsdeck.audit.entity.AuditEntry;
import dev.opsdeck.records.control.RecordEvents;
import dev.opsdeck.records.entity.RecordEvent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * What every read model's page shares: the record its URL names (or a 404 that says what was wrong), the events
 * that made it and its audit history. The record is looked up again on a postback from the page (its actions),
 * where the page's start-up did not run.
 */
public abstract class RecordDetail<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int RECENT = 20;

    @PersistenceContext
    protected EntityManager em;

    @Inject
    RecordEvents events;

    @Inject
    AuditHistory history;

    private final Class<T> type;
    private final String kind;
    private String id;
    private T record;

    /** kind: what the page shows, in the singular ("account"); its stream is named for the plural. */
    protected RecordDetail(Class<T> type, String kind) {
        this.type = type;
        this.kind = kind;
    }

    public void open() throws IOException {
        UUID key = RecordId.parseOrNotFound(id, kind);
        if (key == null) {
            return;
        }
        record = em.find(type, key);
        if (record == null) {
            RecordId.notFound("No " + kind + " " + key + " has arrived from the " + kind + "s stream");
        }
    }

    protected T record() {
        UUID key = key();
        if (record == null && key != null) {
            record = em.find(type, key);
        }
        return record;
    }

    protected UUID key() {
        try {
            return id == null ? null : UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public List<RecordEvent> getEvents() {
        UUID key = key();
        return key == null ? List.of() : events.recent(key, RECENT);
    }

    public List<AuditEntry> getHistory() {
        UUID key = key();
        return key == null ? List.of() : history.of(key.toString(), RECENT);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
