package dev.opsdeck.ingestion.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** A message that could not be applied, kept with everything needed to understand and replay it. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    public enum State { WAITING, REPLAYED, DISCARDED }

    @Id
    private long id;
    private String stream;
    private String reason;
    private byte[] body;
    @Column(name = "body_size")
    private long bodySize;
    @Column(name = "body_sha256")
    private String bodySha256;
    private String headers;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "event_type")
    private String eventType;
    private int attempts;
    @Column(name = "first_seen")
    private Instant firstSeen;
    @Column(name = "last_seen")
    private Instant lastSeen;
    private String state;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "resolved_by")
    private String resolvedBy;
    private String resolution;

    public long getId() {
        return id;
    }

    public String getStream() {
        return stream;
    }

    public String getReason() {
        return reason;
    }

    public byte[] getBody() {
        return body;
    }

    /** The size of the whole body in bytes; more than {@link #getBody()} holds when only a prefix was kept. */
    public long getBodySize() {
        return bodySize;
    }

    public boolean isBodyComplete() {
        return body.length == bodySize;
    }

    /** The whole body's SHA-256 in hex; computed from the body for dead letters stored before it was recorded. */
    public String getBodySha256() {
        if (bodySha256 != null || !isBodyComplete()) {
            return bodySha256;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String getHeaders() {
        return headers;
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

    public State getState() {
        return State.valueOf(state.toUpperCase());
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public String getResolution() {
        return resolution;
    }
}
