package dev.opsdeck.api.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The cursor of a keyset page: the position of the page's last row (its id, or its time and id as "time_id"),
 * base64url-encoded so that callers hand it back untouched instead of building one.
 */
public final class KeysetCursor {

    /** The position of a row ordered by a time and then an id. */
    public record TimeAndId(Instant at, UUID id) {

        /** As the cursor holds it: "time_id". */
        @Override
        public String toString() {
            return at + "_" + id;
        }
    }

    /** A cursor this API did not hand out, or one for another list. */
    public static class NotACursorException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        NotACursorException() {
            super("not a cursor this API returned");
        }
    }

    private KeysetCursor() {
    }

    public static String after(Object position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<UUID> uuid(String cursor) {
        return text(cursor).map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new NotACursorException();
            }
        });
    }

    public static Optional<Long> number(String cursor) {
        return text(cursor).map(text -> {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new NotACursorException();
            }
        });
    }

    public static Optional<TimeAndId> timeAndId(String cursor) {
        return text(cursor).map(text -> {
            String[] parts = text.split("_", 2);
            try {
                return new TimeAndId(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new NotACursorException();
            }
        });
    }

    private static Optional<String> text(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new NotACursorException();
        }
    }
}
