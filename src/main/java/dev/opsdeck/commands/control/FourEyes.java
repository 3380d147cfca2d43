package dev.opsdeck.commands.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import java.util.Optional;

/** {@code actions.four-eyes.threshold-cents}: refunds above it wait for a second operator; unset, the rule is off. */
public record FourEyes(Optional<Long> thresholdCents) {

    public static final String KEY = "actions.four-eyes.threshold-cents";

    public static FourEyes parse(Optional<String> value) {
        Optional<String> text = value.map(String::trim).filter(v -> !v.isEmpty());
        if (text.isEmpty()) {
            return new FourEyes(Optional.empty());
        }
        try {
            long threshold = Long.parseLong(text.get());
            if (threshold >= 0) {
                return new FourEyes(Optional.of(threshold));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(KEY, "expected a whole number of cents, 0 or more, was " + text.get());
    }

    public boolean needsApproval(long amountCents) {
        return thresholdCents.map(threshold -> Math.abs(amountCents) > threshold).orElse(false);
    }

    @Override
    public String toString() {
        return thresholdCents.map(t -> t + " cents").orElse("off");
    }
}
