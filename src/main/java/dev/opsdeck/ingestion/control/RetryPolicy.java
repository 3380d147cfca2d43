package dev.opsdeck.ingestion.control;

import java.time.Duration;

/** How often and how patiently a failure that may pass is retried before its message becomes a dead letter. */
public record RetryPolicy(int attempts, Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("ingestion.retry.attempts must be at least 1, was " + attempts);
        }
    }

    public boolean exhausted(int deliveryCount) {
        return deliveryCount >= attempts;
    }

    /** Doubling back-off: the delay before the next delivery after the given one failed. */
    public Duration delayAfter(int deliveryCount) {
        long factor = 1L << Math.min(20, Math.max(0, deliveryCount - 1));
        Duration delay = initialDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
