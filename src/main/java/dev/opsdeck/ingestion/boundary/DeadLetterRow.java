package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.ingestion.entity.DeadLetter;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A dead letter as the console's list shows it, without its body. */
public class DeadLetterRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String stream;
    private final String state;
    private final String reason;
    private final UUID eventId;
    private final String eventType;
    private final int attempts;
    private final Instant firstSeen;
    private final Instant lastSeen;
    private final String resolution;

    DeadLetterRow(DeadLetter letter) {
        id = letter.getId();
        stream = letter.getStream();
        state = letter.getState().name().toLowerCase();
        reason = letter.getReason();
        eventId = letter.getEventId();
        eventType = letter.getEventType();
        attempts = letter.getAttempts();
        firstSeen = letter.getFirstSeen();
        lastSeen = letter.getLastSeen();
        resolution = letter.getResolution();
    }

    public long getId() {
        return id;
    }

    public String getStream() {
        return stream;
    }

    public String getState() {
        return state;
    }

    public String getReason() {
        return reason;
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public String getResolution() {
        return resolution;
    }
}
