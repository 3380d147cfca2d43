package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.AccountState;
import dev.opsdeck.ingestion.entity.AggregateState;
import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.PaymentState;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads and validates one event body against the event contract; every rejection names the field and what is wrong.
 * Timestamps must lie between 1970-01-01T00:00:00Z and the future tolerance ahead of this instance's clock: a time
 * outside can only be a publisher's error, and one far ahead would win every later ordering by updated_at.
 */
public final class EventParser {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern STATUS = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    static final Instant EARLIEST = Instant.EPOCH;
    private static final Duration MAX_FUTURE_TOLERANCE = Duration.ofDays(3650);

    private final int maxBodyBytes;
    private final Clock clock;
    private final Duration futureTolerance;

    public EventParser(int maxBodyBytes, Clock clock, Duration futureTolerance) {
        if (futureTolerance.isNegative() || futureTolerance.compareTo(MAX_FUTURE_TOLERANCE) > 0) {
            throw new IllegalArgumentException("ingestion.timestamp.future-tolerance-seconds must be 0 to "
                    + MAX_FUTURE_TOLERANCE.toSeconds() + ", was " + futureTolerance.toSeconds());
        }
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
        this.futureTolerance = futureTolerance;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    static String oversized(long size, int maxBodyBytes) {
        return "oversized: body has " + size + " bytes, at most " + maxBodyBytes + " are accepted";
    }

    public Event parse(byte[] body) throws MalformedEventException {
        if (body.length > maxBodyBytes) {
            throw new MalformedEventException(oversized(body.length, maxBodyBytes));
        }
        JsonObject envelope = readObject(utf8(body));
        UUID id = uuid(envelope, "id");
        String type = text(envelope, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new MalformedEventException("type: not an event type name: " + abbreviate(type));
        }
        String source = text(envelope, "source");
        Bounds bounds = new Bounds(clock.instant().plus(futureTolerance), futureTolerance);
        Instant occurredAt = bounds.timestamp(envelope, "occurred_at", "occurred_at");
        JsonObject payload = object(envelope, "payload");
        AggregateState state = switch (type) {
            case "account.created", "account.updated" -> account(payload, bounds);
            case "payment.created", "payment.updated" -> payment(payload, bounds);
            default -> null;
        };
        return new Event(id, type, source, occurredAt, state);
    }

    private static AccountState account(JsonObject payload, Bounds bounds) throws MalformedEventException {
        return new AccountState(uuid(payload, "payload.account_id", "account_id"), uuid(payload, "payload.owner_id", "owner_id"),
                currency(payload), integer(payload, "balance_cents"), status(payload),
                bounds.timestamp(payload, "payload.created_at", "created_at"),
                bounds.timestamp(payload, "payload.updated_at", "updated_at"), version(payload));
    }

    private static PaymentState payment(JsonObject payload, Bounds bounds) throws MalformedEventException {
        return new PaymentState(uuid(payload, "payload.payment_id", "payment_id"), uuid(payload, "payload.account_id", "account_id"),
                integer(payload, "amount_cents"), currency(payload), status(payload),
                bounds.timestamp(payload, "payload.created_at", "created_at"),
                bounds.timestamp(payload, "payload.updated_at", "updated_at"), version(payload));
    }

    /**
     * The body as text. Decoding replaces bytes that are not UTF-8 with U+FFFD, so only a body showing one is
     * decoded again strictly, to tell a replacement character sent as such from a body that is not UTF-8.
     */
    private static String utf8(byte[] body) throws MalformedEventException {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw new MalformedEventException("not UTF-8 text");
            }
        }
        return text;
    }

    private static JsonObject readObject(String body) throws MalformedEventException {
        try (JsonReader reader = READERS.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedEventException("not a JSON object but " + value.getValueType().name().toLowerCase());
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedEventException("not JSON: " + abbreviate(String.valueOf(e.getMessage())));
        }
    }

    private static JsonValue required(JsonObject object, String path, String field) throws MalformedEventException {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new MalformedEventException(path + ": missing");
        }
        return value;
    }

    private static String text(JsonObject object, String field) throws MalformedEventException {
        return text(object, field, field);
    }

    private static String text(JsonObject object, String path, String field) throws MalformedEventException {
        JsonValue value = required(object, path, field);
        if (!(value instanceof JsonString string)) {
            throw new MalformedEventException(path + ": expected a string, got " + value.getValueType().name().toLowerCase());
        }
        if (string.getString().isBlank()) {
            throw new MalformedEventException(path + ": empty");
        }
        return string.getString();
    }

    private static JsonObject object(JsonObject object, String field) throws MalformedEventException {
        JsonValue value = required(object, field, field);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedEventException(field + ": expected an object, got " + value.getValueType().name().toLowerCase());
        }
        return value.asJsonObject();
    }

    private static UUID uuid(JsonObject object, String field) throws MalformedEventException {
        return uuid(object, field, field);
    }

    private static UUID uuid(JsonObject object, String path, String field) throws MalformedEventException {
        String text = text(object, path, field);
        if (!canonicalUuid(text)) {
            throw new MalformedEventException(path + ": not a UUID: " + abbreviate(text));
        }
        return UUID.fromString(text);
    }

    private static boolean canonicalUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The range a timestamp of this parse must lie in. */
    private record Bounds(Instant latest, Duration futureTolerance) {

        Instant timestamp(JsonObject object, String path, String field) throws MalformedEventException {
            String text = text(object, path, field);
            Instant instant;
            try {
                instant = Rfc3339.parse(text);
            } catch (DateTimeParseException e) {
                throw new MalformedEventException(path + ": not an RFC 3339 timestamp: " + abbreviate(text));
            }
            if (instant.isBefore(EARLIEST)) {
                throw new MalformedEventException(path + ": before " + EARLIEST + ": " + abbreviate(text));
            }
            if (instant.isAfter(latest)) {
                throw new MalformedEventException(path + ": more than " + futureTolerance.toSeconds()
                        + " s in the future: " + abbreviate(text));
            }
            return instant;
        }
    }

    private static String currency(JsonObject payload) throws MalformedEventException {
        String currency = text(payload, "payload.currency", "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new MalformedEventException("payload.currency: not an ISO 4217 code (3 upper-case letters): " + abbreviate(currency));
        }
        return currency;
    }

    private static String status(JsonObject payload) throws MalformedEventException {
        String status = text(payload, "payload.status", "status");
        if (!STATUS.matcher(status).matches()) {
            throw new MalformedEventException("payload.status: not a status name (lower case, at most 32 characters): " + abbreviate(status));
        }
        return status;
    }

    private static long integer(JsonObject payload, String field) throws MalformedEventException {
        String path = "payload." + field;
        JsonValue value = required(payload, path, field);
        if (!(value instanceof JsonNumber number)) {
            throw new MalformedEventException(path + ": expected an integer, got " + value.getValueType().name().toLowerCase());
        }
        try {
            return number.bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedEventException(path + ": not a 64-bit integer: " + abbreviate(number.toString()));
        }
    }

    private static Long version(JsonObject payload) throws MalformedEventException {
        if (!payload.containsKey("version") || payload.isNull("version")) {
            return null;
        }
        long version = integer(payload, "version");
        if (version < 0) {
            throw new MalformedEventException("payload.version: negative: " + version);
        }
        return version;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
