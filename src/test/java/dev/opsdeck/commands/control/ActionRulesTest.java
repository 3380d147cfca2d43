package dev.opsdeck.commands.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionRulesTest {

    @Test
    void reasonIsTrimmedAndMustBeThreeToFiveHundredCharacters() {
        assertEquals("ticket 4711", Reasons.check("  ticket 4711 "));
        assertEquals("reason", assertThrows(ActionRefusedException.class, () -> Reasons.check(null)).field());
        assertEquals("required", assertThrows(ActionRefusedException.class, () -> Reasons.check("   ")).getMessage());
        assertEquals("must be 3 to 500 characters, was 2", assertThrows(ActionRefusedException.class, () -> Reasons.check("ab")).getMessage());
        assertEquals(500, Reasons.check("x".repeat(500)).length());
        assertThrows(ActionRefusedException.class, () -> Reasons.check("x".repeat(501)));
        assertThrows(ActionRefusedException.class, () -> Reasons.check("bad\u0000reason"));
    }

    @Test
    void fourEyesIsOffUnlessAThresholdIsSet() {
        assertFalse(FourEyes.parse(Optional.empty()).needsApproval(Long.MAX_VALUE));
        FourEyes rule = FourEyes.parse(Optional.of("100000"));
        assertFalse(rule.needsApproval(100_000));
        assertTrue(rule.needsApproval(100_001));
        assertThrows(InvalidConfigurationException.class, () -> FourEyes.parse(Optional.of("-1")));
        assertThrows(InvalidConfigurationException.class, () -> FourEyes.parse(Optional.of("lots")));
    }

    @Test
    void confirmationTimeoutIsADurationOrSeconds() {
        assertEquals(Duration.ofMinutes(10), ConfirmationTimeout.parse("PT10M"));
        assertEquals(Duration.ofSeconds(90), ConfirmationTimeout.parse("90"));
        var wrong = assertThrows(InvalidConfigurationException.class, () -> ConfirmationTimeout.parse("ten minutes"));
        assertTrue(wrong.getMessage().contains("actions.confirmation.timeout"));
        assertThrows(InvalidConfigurationException.class, () -> ConfirmationTimeout.parse("PT0S"));
    }
}
