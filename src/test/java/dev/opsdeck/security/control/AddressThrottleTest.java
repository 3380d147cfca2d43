package dev.opsdeck.security.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AddressThrottleTest {

    private final AddressThrottle throttle = new AddressThrottle();

    AddressThrottleTest() {
        throttle.attempts = 3;
        throttle.minutes = 15;
        throttle.clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void addressIsBlockedAfterItsFailuresWhateverTheUserNames() {
        throttle.failed("203.0.113.9");
        throttle.failed("203.0.113.9");
        assertFalse(throttle.blocked("203.0.113.9"));
        throttle.failed("203.0.113.9");
        assertTrue(throttle.blocked("203.0.113.9"));
        assertFalse(throttle.blocked("198.51.100.1"), "another address is not affected");
    }

    @Test
    void blockEndsWhenTheWindowHasPassed() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("203.0.113.9");
        }
        throttle.clock = Clock.offset(throttle.clock, Duration.ofMinutes(16));
        assertFalse(throttle.blocked("203.0.113.9"));
    }

    @Test
    void successClearsTheCount() {
        throttle.failed("203.0.113.9");
        throttle.failed("203.0.113.9");
        throttle.succeeded("203.0.113.9");
        throttle.failed("203.0.113.9");
        assertFalse(throttle.blocked("203.0.113.9"));
    }
}
