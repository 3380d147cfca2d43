package dev.opsdeck.tables.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExportLimitsTest {

    private final ExportLimits limits = new ExportLimits();

    ExportLimitsTest() {
        limits.maxConcurrent = 3;
        limits.maxPerUser = 2;
    }

    @Test
    void userGetsAtMostTheirShareAndThePermitComesBackWhenClosed() {
        ExportLimits.Permit first = limits.tryStart("ann").orElseThrow();
        limits.tryStart("ann").orElseThrow();
        assertTrue(limits.tryStart("ann").isEmpty());
        first.close();
        first.close();
        assertTrue(limits.tryStart("ann").isPresent());
        assertTrue(limits.tryStart("ann").isEmpty(), "closing a permit twice frees one place only");
    }

    @Test
    void instanceCapHoldsAcrossUsers() {
        limits.tryStart("ann").orElseThrow();
        limits.tryStart("bob").orElseThrow();
        limits.tryStart("cyd").orElseThrow();
        assertFalse(limits.tryStart("dan").isPresent());
        assertTrue(limits.tryAgainMessage().contains("try again"));
    }
}
