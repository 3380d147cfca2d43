package dev.opsdeck.commands.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** {@code actions.confirmation.timeout}: an ISO-8601 duration ({@code PT10M}) or a number of seconds. */
public final class ConfirmationTimeout {

    static final String KEY = "actions.confirmation.timeout";

    private ConfirmationTimeout() {
    }

    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim();
        try {
            Duration duration = value.chars().allMatch(Character::isDigit) && !value.isEmpty()
                    ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(KEY, "expected a positive ISO-8601 duration such as PT10M or a number of seconds, was " + value);
    }
}
