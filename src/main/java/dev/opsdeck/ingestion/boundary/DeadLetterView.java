package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.ingestion.entity.DeadLetter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A dead letter for the API: the list shows the summary, the detail adds body and headers, and the whole body's
 * size and SHA-256; {@code body_truncated} says that only a prefix of an oversized body was kept.
 */
public record DeadLetterView(long id, String stream, String state, String reason, UUID eventId, String eventType,
                             int attempts, Instant firstSeen, Instant lastSeen, Instant resolvedAt, String resolvedBy,
                             String resolution, String body, String bodyEncoding, JsonObject headers, Long bodySize,
                             String bodySha256, Boolean bodyTruncated) {

    // one provider for all calls: Json.create... looks the provider up on the class path every time
    private static final JsonProvider JSON = JsonProvider.provider();

    static DeadLetterView summary(DeadLetter letter) {
        return new DeadLetterView(letter.getId(), letter.getStream(), letter.getState().name().toLowerCase(), letter.getReason(),
                letter.getEventId(), letter.getEventType(), letter.getAttempts(), letter.getFirstSeen(), letter.getLastSeen(),
                letter.getResolvedAt(), letter.getResolvedBy(), letter.getResolution(), null, null, null, null, null, null);
    }

    static DeadLetterView detail(DeadLetter letter) {
        String body;
        String encoding;
        try {
            body = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(letter.getBody())).toString();
            encoding = "utf-8";
        } catch (CharacterCodingException notText) {
            body = Base64.getEncoder().encodeToString(letter.getBody());
            encoding = "base64";
        }
        JsonObject headers = JSON.createReader(new StringReader(letter.getHeaders())).readObject();
        return new DeadLetterView(letter.getId(), letter.getStream(), letter.getState().name().toLowerCase(), letter.getReason(),
                letter.getEventId(), letter.getEventType(), letter.getAttempts(), letter.getFirstSeen(), letter.getLastSeen(),
                letter.getResolvedAt(), letter.getResolvedBy(), letter.getResolution(), body, encoding, headers,
                letter.getBodySize(), letter.getBodySha256(), !letter.isBodyComplete());
    }
}
