package dev.opsdeck.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

class ServiceTokensTest {

    @Test
    void everyListedTokenIsAcceptedSoTokensCanBeRotated() {
        ServiceTokens tokens = ServiceTokens.parse(" old-token-0123456789 ,new-token-0123456789,");
        assertEquals(2, tokens.count());
        assertTrue(tokens.accepts("old-token-0123456789"));
        assertTrue(tokens.accepts("new-token-0123456789"));
    }

    @Test
    void unknownAndEmptyCandidatesAreRefused() {
        ServiceTokens tokens = ServiceTokens.parse("old-token-0123456789");
        assertFalse(tokens.accepts("old-token-012345678"));
        assertFalse(tokens.accepts(""));
    }

    @Test
    void noConfiguredTokenAcceptsNothing() {
        ServiceTokens tokens = ServiceTokens.parse(null);
        assertEquals(0, tokens.count());
        assertFalse(tokens.accepts(""));
    }

    @Test
    void shortTokenIsRefusedByPositionWithoutRevealingIt() {
        var failure = assertThrows(InvalidConfigurationException.class,
                () -> ServiceTokens.parse("good-token-0123456789,short"));
        assertTrue(failure.getMessage().contains("token number 2"), failure.getMessage());
        assertFalse(failure.getMessage().contains("short,"), failure.getMessage());
        assertFalse(failure.getMessage().contains("good-token"), failure.getMessage());
    }
}
