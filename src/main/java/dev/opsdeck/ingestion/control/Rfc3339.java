package dev.opsdeck.ingestion.control;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads RFC 3339 timestamps. The form every Go service sends ({@code 2026-11-20T10:15:30.123Z}) is read
 * digit by digit, because a DateTimeFormatter parse was the largest cost of ingesting an event; any other
 * form (an offset, a lower-case t or z) goes through {@link OffsetDateTime#parse}.
 */
final class Rfc3339 {

    private Rfc3339() {
    }

    static Instant parse(String text) {
        Instant fast = utc(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    private static Instant utc(String s) {
        int length = s.length();
        if (length < 20 || s.charAt(length - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (s.charAt(19) != '.' || length - 21 > 9 || length == 21) {
                return null;
            }
            for (int i = 20; i < length - 1; i++) {
                int digit = s.charAt(i) - '0';
                if (digit < 0 || digit > 9) {
                    return null;
                }
                nanos = nanos * 10 + digit;
            }
            for (int i = length - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException invalid) {
            throw new DateTimeParseException("invalid date or time", s, 0, invalid);
        }
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
