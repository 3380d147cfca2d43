package dev.opsdeck.api.boundary;

import dev.opsdeck.api.control.KeysetCursor;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
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

    /** A keyset cursor whose position is a UUID key (accounts, payments); read by {@link KeysetCursor}, failing as the cursor field. */
    public static Optional<UUID> cursor(String value) {
        return read(() -> KeysetCursor.uuid(value));
    }

    public static Optional<Long> numericCursor(String value) {
        return read(() -> KeysetCursor.number(value));
    }

    public static Optional<KeysetCursor.TimeAndId> timeCursor(String value) {
        return read(() -> KeysetCursor.timeAndId(value));
    }

    private static <T> Optional<T> read(Supplier<Optional<T>> cursor) {
        try {
            return cursor.get();
        } catch (KeysetCursor.NotACursorException e) {
            throw new InvalidParameterException("cursor", e.getMessage());
        }
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
