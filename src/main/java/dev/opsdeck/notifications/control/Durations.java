package dev.opsdeck.notifications.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The notification settings' durations: an ISO-8601 duration ({@code PT1H}) or a number of seconds, and in words. */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(String key, String text) {
        String value = text == null ? "" : text.trim();
        try {
            Duration duration = !value.isEmpty() && value.chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(key, "expected a positive ISO-8601 duration such as PT1H or a number of seconds, was " + value);
    }

    /** {@code 1 h}, {@code 90 min}, {@code 45 s}. */
    public static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
