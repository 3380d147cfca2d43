package dev.opsdeck.api.boundary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads query parameters strictly: a value that is present must be right, or the request fails naming it. */
public final class Parameters {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern STATUS = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Parameters() {
    }

    public static Optional<UUID> uuid(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new InvalidParameterException(field, "not a UUID: " + abbreviate(value));
        }
        return Optional.of(UUID.fromString(value));
    }

    public static UUID requiredUuid(String field, String value) {
        return uuid(field, value).orElseThrow(() -> new InvalidParameterException(field, "missing"));
    }

    public static Optional<String> status(String value) {
        return matching("status", value, STATUS, "lower-case status name");
    }

    public static Optional<String> currency(String value) {
        return matching("currency", value, CURRENCY, "ISO 4217 code of three upper-case letters");
    }

    public static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", was " + abbreviate(value));
    }

    /** A keyset cursor: the last id of the previous page, opaque to callers. */
    public static Optional<UUID> cursor(String value) {
        return cursorText(value).map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw notACursor();
            }
        });
    }

    public static Optional<Long> numericCursor(String value) {
        return cursorText(value).map(text -> {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw notACursor();
            }
        });
    }

    /** The position after a row ordered by a time and an id, as {@link #cursorAfter} wrote it from "time_id". */
    public record TimeCursor(Instant at, UUID id) {
    }

    public static Optional<TimeCursor> timeCursor(String value) {
        return cursorText(value).map(text -> {
            String[] parts = text.split("_", 2);
            try {
                return new TimeCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw notACursor();
            }
        });
    }

    public static String cursorAfter(Object lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> cursorText(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    private static InvalidParameterException notACursor() {
        return new InvalidParameterException("cursor", "not a cursor this API returned");
    }

    private static Optional<String> matching(String field, String value, Pattern pattern, String expected) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidParameterException(field, "expected a " + expected + ", was " + abbreviate(value));
        }
        return Optional.of(value);
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
